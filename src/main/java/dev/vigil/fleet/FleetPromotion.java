package dev.vigil.fleet;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.Tenant;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantKind;
import dev.vigil.tenancy.TenantRegistry;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The fleet promotion path: records anonymised sightings, decides promotions, revokes what no longer qualifies, and
 * reports what the fleet is.
 *
 * <p>Guarantees: only a keyed hash of a derived artefact is ever stored ({@link Anonymiser}); each sighting is
 * stamped with the tenant's fleet-sharing consent, the policy version in force and its TLP marking; every decision,
 * positive or negative, is stored as a row of the fleet tenant with the data-use policy version and the promotion
 * thresholds in force, and audited ({@code fleet.sight} for a first sighting, tenant of the sighting; {@code fleet.promote}, {@code fleet.refuse}, {@code fleet.hold},
 * {@code fleet.revoke}; actor {@code system:fleet}, tenant {@code fleet}) in the same transaction; a promotion
 * records a data-use row for each tenant that counted. Sightings are accepted only from tenants in the registry, so on
 * an appliance holding one customer tenant every decision is a {@code HOLD} ("fleet of one: 1 of N tenants").
 * Neither rows nor audit entries hold a tenant id of a source or a count of tenants below N.
 */
@Singleton
public class FleetPromotion {

    /** The actor recorded on every promotion decision. */
    public static final String ACTOR = "system:fleet";

    private final FleetSightingRepository sightings;
    private final PromotionDecisionRepository decisions;
    private final ConsentService consent;
    private final DataUseLedger ledger;
    private final Anonymiser anonymiser;
    private final PromotionEvaluator evaluator;
    private final FleetSettings settings;
    private final TenantRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public FleetPromotion(FleetSightingRepository sightings, PromotionDecisionRepository decisions,
                          ConsentService consent, DataUseLedger ledger, Anonymiser anonymiser,
                          PromotionEvaluator evaluator, FleetSettings settings, TenantRegistry registry,
                          AuditTrail audit, Clock clock) {
        this.sightings = sightings;
        this.decisions = decisions;
        this.consent = consent;
        this.ledger = ledger;
        this.anonymiser = anonymiser;
        this.evaluator = evaluator;
        this.settings = settings;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@link #sight(TenantId, ArtefactType, String, Tlp)} with the appliance's default marking. */
    @Transactional
    public FleetSighting sight(TenantId tenant, ArtefactType type, String artefact) {
        return sight(tenant, type, artefact, settings.tlp());
    }

    /**
     * Records that the tenant saw a derived artefact with a TLP marking; only its keyed hash is kept. A tenant's
     * repeated sighting keeps the first one (its time and consent stamp) and raises its marking if the new one is
     * stricter. A TLP:RED or TLP:AMBER+STRICT sighting of a promoted artefact revokes it in the same transaction.
     * Returns the stored sighting.
     */
    @Transactional
    public FleetSighting sight(TenantId tenant, ArtefactType type, String artefact, Tlp tlp) {
        if (!registry.exists(tenant)) {
            throw new IllegalArgumentException("unknown tenant " + tenant + ": sightings are accepted only from tenants in the registry");
        }
        if (tlp == null) {
            throw new IllegalArgumentException("a sighting needs a TLP marking");
        }
        String hash = anonymiser.artefactHash(type, artefact);
        FleetSighting stored = sightings.findByTenantAndArtefactTypeAndArtefactHash(tenant, type, hash)
                .map(seen -> seen.tlp() == seen.tlp().stricter(tlp) ? seen : sightings.update(seen.markedAtLeast(tlp)))
                .orElseGet(() -> {
                    ConsentStamp stamp = consent.stamp(tenant, ConsentScope.FLEET_SHARING);
                    FleetSighting saved = sightings.save(new FleetSighting(UUID.randomUUID().toString(), tenant, type, hash,
                            Instant.now(clock), stamp.state(), stamp.policyVersion(), tlp));
                    audit.append(new AuditRecord(ACTOR, "system", tenant, "fleet.sight", type.external() + ":" + hash,
                            null, auditState(saved)));
                    return saved;
                });
        if (tlp.restricted()) {
            revokeIfPromoted(type, hash, "revoked: a source marked it TLP:RED or TLP:AMBER+STRICT after it was promoted");
        }
        return stored;
    }

    /** The audited state of a sighting when first recorded: its marking and the consent stamped on it. */
    static String auditState(FleetSighting s) {
        return "{\"tlp\":\"" + s.tlp().label() + "\",\"consent\":\"" + s.consentState().name()
                + "\",\"policy\":\"" + s.policyVersion().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    /** The after-state of a {@code fleet.sight} entry, while the sighting is as it was first recorded. */
    java.util.Optional<String> sightingState(TenantId tenant, String object) {
        int colon = object.indexOf(':');
        if (colon < 0) {
            return java.util.Optional.empty();
        }
        ArtefactType type;
        try {
            type = ArtefactType.parse(object.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        return sightings.findByTenantAndArtefactTypeAndArtefactHash(tenant, type, object.substring(colon + 1))
                .map(FleetPromotion::auditState);
    }

    private void revokeIfPromoted(ArtefactType type, String hash, String reason) {
        List<PromotionDecision> history = decisions(type, hash);
        if (!history.isEmpty() && history.getLast().decision() == PromotionDecision.Outcome.PROMOTE) {
            Instant now = Instant.now(clock);
            PromotionEvaluator.Verdict verdict = judge(type, sightings.findByArtefactTypeAndArtefactHash(type, hash), now);
            record(type, hash, PromotionDecision.Outcome.REVOKE, verdict, reason + ": " + verdict.reason(), now);
        }
    }

    /** Decides on one anonymised artefact (by its hash), stores and audits the decision, and returns it. */
    @Transactional
    public PromotionEvaluator.Verdict evaluate(ArtefactType type, String artefactHash) {
        if (artefactHash == null || !artefactHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("invalid artefact hash '" + artefactHash + "': expected 64 lower-case hex characters");
        }
        List<FleetSighting> seen = sightings.findByArtefactTypeAndArtefactHash(type, artefactHash);
        Instant now = Instant.now(clock);
        PromotionEvaluator.Verdict verdict = judge(type, seen, now);
        PromotionDecision decision = record(type, artefactHash, verdict.outcome(), verdict, verdict.reason(), now);
        if (verdict.outcome() == PromotionDecision.Outcome.PROMOTE) {
            String usedBy = "fleet:" + type.external() + ":" + artefactHash;
            for (FleetSighting s : seen) {
                if (verdict.counted().contains(s.tenant())) {
                    ledger.record(s.tenant(), "fleet-sighting", s.id(), ConsentScope.FLEET_SHARING, usedBy);
                }
            }
        }
        return verdict;
    }

    /**
     * Sights each candidate for the tenant with the marking and decides on it, in one transaction; returns the
     * verdicts in candidate order. On the appliance every verdict is a {@code HOLD}.
     */
    @Transactional
    public List<PromotionEvaluator.Verdict> sightAndEvaluate(TenantId tenant, List<AlertArtefacts.Candidate> candidates,
                                                             Tlp tlp) {
        List<PromotionEvaluator.Verdict> verdicts = new ArrayList<>();
        for (AlertArtefacts.Candidate c : candidates) {
            FleetSighting seen = sight(tenant, c.type(), c.value(), tlp);
            verdicts.add(evaluate(c.type(), seen.artefactHash()));
        }
        return verdicts;
    }

    /**
     * Recounts every promoted artefact the tenant's sightings contributed to, after the tenant withdrew fleet-sharing
     * consent, and revokes each that no longer qualifies (a {@code REVOKE} decision, audited {@code fleet.revoke}).
     * Runs in the caller's transaction, so the withdrawal and its revocations commit together. Returns the revocations.
     */
    @Transactional
    public List<PromotionDecision> recountAfterWithdrawal(TenantId tenant) {
        List<PromotionDecision> revoked = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (FleetSighting contributed : sightings.findByTenant(tenant)) {
            ArtefactType type = contributed.artefactType();
            String hash = contributed.artefactHash();
            List<PromotionDecision> history = decisions.findByTenantAndArtefactTypeAndArtefactHashOrderByDecidedAt(
                    TenantId.FLEET, type, hash);
            if (history.isEmpty() || history.getLast().decision() != PromotionDecision.Outcome.PROMOTE) {
                continue;
            }
            PromotionEvaluator.Verdict verdict = judge(type, sightings.findByArtefactTypeAndArtefactHash(type, hash), now);
            if (verdict.outcome() != PromotionDecision.Outcome.PROMOTE) {
                revoked.add(record(type, hash, PromotionDecision.Outcome.REVOKE, verdict,
                        "revoked after a tenant withdrew fleet-sharing consent: " + verdict.reason(), now));
            }
        }
        return revoked;
    }

    /** Every decision about one artefact, oldest first. */
    public List<PromotionDecision> decisions(ArtefactType type, String artefactHash) {
        return decisions.findByTenantAndArtefactTypeAndArtefactHashOrderByDecidedAt(TenantId.FLEET, type, artefactHash);
    }

    /** The keyed hash this appliance's fleet key gives an artefact (what {@link #sight} stores). */
    public String hashOf(ArtefactType type, String artefact) {
        return anonymiser.artefactHash(type, artefact);
    }

    /** What the fleet is here and whether promotion is possible at all. */
    public FleetStatus status() {
        int customers = customerTenants(registry.all());
        PromotionPolicy policy = settings.policy();
        Map<String, Integer> n = new LinkedHashMap<>();
        Map<String, String> coolOffs = new LinkedHashMap<>();
        for (ArtefactType type : ArtefactType.values()) {
            n.put(type.external(), policy.minTenants(type));
            coolOffs.put(type.external(), policy.coolOff(type).toString());
        }
        int lowest = policy.lowestMinTenants();
        boolean possible = customers >= lowest;
        String explanation = possible
                ? "fleet of " + customers + ": promotion possible (" + customers + " tenants, lowest N " + lowest + ")"
                : PromotionEvaluator.fleetOf(customers, lowest);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (PromotionDecision.Outcome o : PromotionDecision.Outcome.values()) {
            outcomes.put(o.name().toLowerCase(Locale.ROOT), decisions.countByTenantAndDecision(TenantId.FLEET, o));
        }
        return new FleetStatus(explanation, customers, PromotionPolicy.FLOOR,
                PromotionPolicy.COOL_OFF_FLOOR.toString(), n, coolOffs, settings.tlp().label(), possible,
                outcomes.get("promote"), outcomes);
    }

    private PromotionEvaluator.Verdict judge(ArtefactType type, List<FleetSighting> seen, Instant now) {
        Set<TenantId> consentingNow = seen.stream().map(FleetSighting::tenant).distinct()
                .filter(t -> !t.isFleet() && consent.stamp(t, ConsentScope.FLEET_SHARING).granted())
                .collect(Collectors.toSet());
        return evaluator.evaluate(type, seen, consentingNow, customerTenants(registry.all()), now);
    }

    private static int customerTenants(List<Tenant> all) {
        return (int) all.stream().filter(t -> t.kind() == TenantKind.CUSTOMER && !t.id().isFleet()).count();
    }

    private PromotionDecision record(ArtefactType type, String hash, PromotionDecision.Outcome outcome,
                                     PromotionEvaluator.Verdict verdict, String reason, Instant at) {
        List<PromotionDecision> history = decisions(type, hash);
        Instant now = history.isEmpty() || at.isAfter(history.getLast().decidedAt()) ? at
                : history.getLast().decidedAt().plusMillis(1); // decisions of one artefact are strictly ordered in time
        String promotionPolicy = evaluator.policy().version();
        PromotionDecision decision = decisions.save(new PromotionDecision(UUID.randomUUID().toString(), TenantId.FLEET,
                type, hash, outcome, reason, verdict.distinctTenants(), now, consent.policyInForce(), promotionPolicy));
        ObjectNode after = json.createObjectNode().put("id", decision.id()).put("decision", outcome.name())
                .put("gate", verdict.gate().name()).put("policyVersion", decision.policyVersion())
                .put("promotionPolicy", promotionPolicy).put("reason", reason);
        if (verdict.distinctTenants() != null) {
            after.put("distinctTenants", verdict.distinctTenants());
        }
        audit.append(new AuditRecord(ACTOR, "system", TenantId.FLEET, "fleet." + switch (outcome) {
            case PROMOTE -> "promote";
            case REFUSE -> "refuse";
            case HOLD -> "hold";
            case REVOKE -> "revoke";
        }, type.external() + ":" + hash, null, after.toString()));
        return decision;
    }
}
