package dev.vigil.learn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.analyst.triage.FeatureSchema;
import dev.vigil.analyst.triage.TriageManifest;
import dev.vigil.analyst.triage.TriageModel;
import dev.vigil.analyst.triage.TriageModels;
import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * Each tenant's triage model registry: its versions, the {@code champion} and {@code previous} aliases, and every
 * move of them.
 *
 * <p>Guarantees: every change (a version registered, promoted, rolled back) is one transaction with its audit entry
 * and alias-move rows; an alias only ever moves to a version whose artifact reads back with the recorded SHA-256 and
 * whose feature schema is the one this code computes, so rollback restores the byte-identical artifact and a changed
 * file is refused before it can become champion; a challenger the gate kept out is promoted only with an explicit
 * override and a reason; tenants never see or move each other's versions. Champions are announced with
 * {@link ChampionMoved} after commit.
 */
@Singleton
public class ModelRegistry {

    /** The one model feedback learning trains today. */
    public static final String TRIAGE = "triage";
    public static final String CHAMPION = "champion";
    public static final String PREVIOUS = "previous";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelVersionRepository versions;
    private final ModelAliasRepository aliases;
    private final AliasMoveRepository moves;
    private final TrainingRecordRepository records;
    private final ModelArtifacts artifacts;
    private final TriageModels factory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher<ChampionMoved> events;
    private final Clock clock;

    public ModelRegistry(ModelVersionRepository versions, ModelAliasRepository aliases, AliasMoveRepository moves,
                         TrainingRecordRepository records, ModelArtifacts artifacts, TriageModels factory,
                         AuditTrail audit, ApplicationEventPublisher<ChampionMoved> events, Clock clock) {
        this.versions = versions;
        this.aliases = aliases;
        this.moves = moves;
        this.records = records;
        this.artifacts = artifacts;
        this.factory = factory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The tenant's versions, newest first. */
    public List<ModelVersion> list(TenantId tenant) {
        return versions.findByTenantAndModelNameOrderByVersionDesc(tenant, TRIAGE);
    }

    /** One version by label. */
    public ModelVersion get(TenantId tenant, String label) {
        return versions.findByTenantAndModelNameAndLabel(tenant, TRIAGE, label).orElseThrow(() ->
                new NoSuchElementException("no model version '" + label + "' in this tenant's registry; see vigil model list"));
    }

    /** Where each alias points: alias name to version label. */
    public Map<String, String> aliases(TenantId tenant) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ModelAlias a : aliases.findByTenantAndModelName(tenant, TRIAGE)) {
            versions.findByTenantAndId(tenant, a.modelId()).ifPresent(v -> out.put(a.alias(), v.label()));
        }
        return out;
    }

    /** The champion version, if the tenant's registry has one (else the factory model is in force). */
    public Optional<ModelVersion> champion(TenantId tenant) {
        return aliases.findByTenantAndId(tenant, aliasId(tenant, CHAMPION))
                .flatMap(a -> versions.findByTenantAndId(tenant, a.modelId()));
    }

    /** Every alias move, oldest first. */
    public List<AliasMove> moves(TenantId tenant) {
        return moves.findByTenantAndModelNameOrderByMovedAt(tenant, TRIAGE);
    }

    /** The records a version was trained and evaluated on, in the order they were given. */
    public List<TrainingRecord> lineage(TenantId tenant, String label) {
        return records.findByTenantAndModelIdOrderByRecordedAt(tenant, get(tenant, label).id());
    }

    /** The artifact of a version, checked against its recorded SHA-256. */
    public byte[] artifact(ModelVersion version) {
        return artifacts.read(version);
    }

    /**
     * Registers the shipped factory model as the tenant's first version and champion, if the registry is empty, so
     * that every later champion has a recorded predecessor to roll back to.
     */
    @Transactional
    public ModelVersion ensureFactory(TenantId tenant, String actor, String role) {
        List<ModelVersion> existing = list(tenant);
        if (!existing.isEmpty()) {
            return existing.getLast();
        }
        TriageManifest.Loaded shipped = factory.factory().orElseThrow(() -> new IllegalStateException(
                "no factory triage model is loaded (" + factory.unavailable() + "): feedback learning needs one to start from"));
        String sha = artifacts.write(tenant, TRIAGE, shipped.version(), shipped.artifact());
        ObjectNode training = JSON.createObjectNode().put("source", "shipped factory model")
                .set("lineage", shipped.manifest().path("lineage"));
        ModelVersion v = versions.save(new ModelVersion(id(tenant, shipped.version()), tenant, TRIAGE, 1, shipped.version(),
                sha, FeatureSchema.CURRENT.hash(), shipped.manifest().path("lineage").path("codeVersion").asText("unknown"),
                null, ModelStatus.FACTORY, "the shipped factory model this tenant started from",
                shipped.manifest().path("evaluation").toString(), training.toString(), actor, clock.instant()));
        audit.append(new AuditRecord(actor, role, tenant, "model.register", v.label(), null, state(v, 0)));
        move(tenant, CHAMPION, v, actor, role, "the factory model is the first champion");
        return v;
    }

    /** The next version number in the tenant's registry. */
    int nextVersion(TenantId tenant) {
        return list(tenant).stream().mapToInt(ModelVersion::version).max().orElse(0) + 1;
    }

    /** Records a trained challenger, its artifact and the records it used (one transaction with its audit entry). */
    @Transactional
    public ModelVersion register(ModelVersion version, byte[] artifact, List<TrainingRecord> used, String role) {
        String sha = artifacts.write(version.tenant(), TRIAGE, version.label(), artifact);
        if (!sha.equals(version.artifactSha256())) {
            throw new IllegalStateException("artifact of " + version.label() + " changed between training and registration");
        }
        ModelVersion saved = versions.save(version);
        records.saveAll(used);
        audit.append(new AuditRecord(version.createdBy(), role, version.tenant(), "model.train", version.label(), null,
                state(saved, used.size())));
        if (version.status() == ModelStatus.REJECTED) {
            audit.append(new AuditRecord(version.createdBy(), role, version.tenant(), "model.reject", version.label(), null,
                    JSON.createObjectNode().put("label", version.label()).put("reason", version.reason()).toString()));
        }
        return saved;
    }

    /**
     * Makes {@code label} the champion and the current champion {@code previous}.
     *
     * @param overrideGate needed to promote a challenger the gate kept out
     */
    @Transactional
    public ModelVersion promote(TenantId tenant, String label, String actor, String role, String reason, boolean overrideGate) {
        requireReason(reason);
        ModelVersion target = get(tenant, label);
        ModelVersion current = champion(tenant).orElse(null);
        if (current != null && current.id().equals(target.id())) {
            throw new IllegalStateException(label + " is already the champion");
        }
        if (target.status() == ModelStatus.REJECTED && !overrideGate) {
            throw new IllegalStateException("refusing to promote " + label + ": " + target.reason()
                    + ". An admin may override the gate with --override-gate and a reason.");
        }
        verifyLoadable(target);
        String before = current == null ? null : current.label();
        if (current != null) {
            move(tenant, PREVIOUS, current, actor, role, "replaced as champion by " + label + ": " + reason);
        }
        move(tenant, CHAMPION, target, actor, role, reason);
        ModelVersion after = target.status() == ModelStatus.FACTORY || target.status() == ModelStatus.PROMOTED ? target
                : versions.update(target.withStatus(ModelStatus.PROMOTED, (overrideGate && target.status() == ModelStatus.REJECTED
                ? "promoted over the gate by " + actor + " (" + reason + "); the gate had said: " : "") + target.reason()));
        audit.append(new AuditRecord(actor, role, tenant, "model.promote", label,
                before == null ? null : JSON.createObjectNode().put("champion", before).toString(),
                JSON.createObjectNode().put("champion", label).put("previous", before).put("reason", reason)
                        .put("overrideGate", overrideGate && target.status() == ModelStatus.REJECTED).toString()));
        events.publishEvent(new ChampionMoved(tenant));
        return after;
    }

    /** Makes {@code label} (default: the {@code previous} alias) the champion again; the current one becomes previous. */
    @Transactional
    public ModelVersion rollback(TenantId tenant, String label, String actor, String role, String reason) {
        requireReason(reason);
        ModelVersion current = champion(tenant).orElseThrow(() ->
                new IllegalStateException("nothing to roll back: this tenant's registry has no champion yet (the factory model is in force)"));
        ModelVersion target;
        if (label == null) {
            ModelAlias previous = aliases.findByTenantAndId(tenant, aliasId(tenant, PREVIOUS)).orElseThrow(() ->
                    new IllegalStateException("nothing to roll back to: no previous champion is recorded"));
            target = versions.findByTenantAndId(tenant, previous.modelId()).orElseThrow();
        } else {
            target = get(tenant, label);
        }
        if (target.id().equals(current.id())) {
            throw new IllegalStateException(target.label() + " is already the champion");
        }
        if (target.status() == ModelStatus.REJECTED) {
            throw new IllegalStateException("refusing to roll back to " + target.label()
                    + ": it never passed the gate (use vigil model promote --override-gate)");
        }
        verifyLoadable(target);
        move(tenant, PREVIOUS, current, actor, role, "rolled back from: " + reason);
        move(tenant, CHAMPION, target, actor, role, "rollback: " + reason);
        audit.append(new AuditRecord(actor, role, tenant, "model.rollback", target.label(),
                JSON.createObjectNode().put("champion", current.label()).toString(),
                JSON.createObjectNode().put("champion", target.label()).put("previous", current.label())
                        .put("sha256", target.artifactSha256()).put("reason", reason).toString()));
        events.publishEvent(new ChampionMoved(tenant));
        return target;
    }

    private void verifyLoadable(ModelVersion v) {
        if (!v.schemaHash().equals(FeatureSchema.CURRENT.hash())) {
            throw new IllegalStateException("refusing model " + v.label() + ": it reads feature schema " + v.schemaHash()
                    + ", this appliance computes " + FeatureSchema.CURRENT.hash());
        }
        TriageModel.fromOnnx(artifacts.read(v), FeatureSchema.CURRENT);
    }

    private void move(TenantId tenant, String alias, ModelVersion to, String actor, String role, String reason) {
        Instant now = clock.instant();
        Optional<ModelAlias> existing = aliases.findByTenantAndId(tenant, aliasId(tenant, alias));
        ModelAlias next = new ModelAlias(aliasId(tenant, alias), tenant, TRIAGE, alias, to.id(), actor, now, reason);
        if (existing.isPresent()) {
            aliases.update(next);
        } else {
            aliases.save(next);
        }
        moves.save(new AliasMove(UUID.randomUUID().toString(), tenant, TRIAGE, alias,
                existing.map(ModelAlias::modelId).orElse(null), to.id(), actor, now, reason));
        audit.append(new AuditRecord(actor, role, tenant, "model.alias", TRIAGE + ":" + alias,
                existing.map(a -> JSON.createObjectNode().put("alias", alias).put("model", label(tenant, a.modelId())).toString())
                        .orElse(null),
                JSON.createObjectNode().put("alias", alias).put("model", to.label()).put("reason", reason).toString()));
    }

    private String label(TenantId tenant, String modelId) {
        return versions.findByTenantAndId(tenant, modelId).map(ModelVersion::label).orElse(modelId);
    }

    /** The flat audit state of a version: what it is and what it used. */
    static String state(ModelVersion v, int records) {
        ObjectNode n = JSON.createObjectNode().put("label", v.label()).put("verdicts", records)
                .put("status", v.status().name()).put("sha256", v.artifactSha256()).put("schema", v.schemaHash())
                .put("codeVersion", v.codeVersion());
        if (v.parentLabel() != null) {
            n.put("parent", v.parentLabel());
        }
        return n.toString();
    }

    /** The label part of a registry model id ({@code customer/triage/customer-v2} → {@code customer-v2}). */
    public static String labelOf(String modelId) {
        return modelId.substring(modelId.lastIndexOf('/') + 1);
    }

    static String id(TenantId tenant, String label) {
        return tenant.value() + "/" + TRIAGE + "/" + label;
    }

    private static String aliasId(TenantId tenant, String alias) {
        return tenant.value() + "/" + TRIAGE + "/" + alias;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required: it is recorded with the alias move in the audit chain");
        }
        if (reason.length() > 1000) {
            throw new IllegalArgumentException("reason too long: at most 1000 characters");
        }
    }
}
