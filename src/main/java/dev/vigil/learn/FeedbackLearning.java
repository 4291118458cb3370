package dev.vigil.learn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.analyst.triage.AlertTriage;
import dev.vigil.analyst.triage.AlertTriageRepository;
import dev.vigil.analyst.triage.FeatureSchema;
import dev.vigil.analyst.triage.RankingMetrics;
import dev.vigil.analyst.triage.TriageModel;
import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import dev.vigil.control.SwitchDecision;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertRepository;
import dev.vigil.detect.alert.Verdict;
import dev.vigil.fleet.ConsentRequiredException;
import dev.vigil.fleet.ConsentScope;
import dev.vigil.fleet.ConsentService;
import dev.vigil.fleet.ConsentStamp;
import dev.vigil.fleet.ConsentState;
import dev.vigil.fleet.DataUseLedger;
import dev.vigil.tenancy.TenantId;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Feedback learning for one tenant: trains a challenger triage model from the tenant's own verdicts, compares it with
 * the champion on the latest verdicts held out by time, and promotes it only past the {@link ChampionGate}; a kept
 * challenger is registered with the reason.
 *
 * <p>Guarantees: only this tenant's verdicts are read (a tenant's verdicts never change another tenant's model); only
 * verdicts given while the tenant's model-training consent was granted, with the feature vector the alert was scored
 * with when raised (no hindsight), are used, and only while that consent is granted now; every used verdict is a
 * training record of the version and a {@code data-use.record} entry naming the version; with the
 * {@code feedback-learning} switch off nothing is trained and the champion stays frozen. Registration, data uses,
 * the gate's outcome and any promotion commit together with their audit entries, or not at all.
 */
@Singleton
public class FeedbackLearning {

    /** The actor scheduled training is recorded under. */
    public static final String SYSTEM = "system:learn";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRAINER = "the champion's logistic regression fine-tuned on the verdicts: its standardisation kept, "
            + "600 full-batch steps from its weights, rate 0.5, pulled back to them with strength %s, classes weighted";

    private final AlertRepository alerts;
    private final AlertTriageRepository triage;
    private final ModelRegistry registry;
    private final DataUseLedger ledger;
    private final ConsentService consent;
    private final KillSwitches switches;
    private final LearningSettings settings;
    private final Clock clock;
    private final String codeVersion;

    public FeedbackLearning(AlertRepository alerts, AlertTriageRepository triage, ModelRegistry registry,
                            DataUseLedger ledger, ConsentService consent, KillSwitches switches, LearningSettings settings,
                            Clock clock) {
        this.alerts = alerts;
        this.triage = triage;
        this.registry = registry;
        this.ledger = ledger;
        this.consent = consent;
        this.switches = switches;
        this.settings = settings;
        this.clock = clock;
        String v = FeedbackLearning.class.getPackage().getImplementationVersion();
        this.codeVersion = v == null ? "development build" : v;
    }

    /**
     * Trains, evaluates and (if {@code promote} and the gate passes) promotes a challenger for the tenant.
     *
     * @throws LearningRefusedException when the switch is off or there are not enough usable verdicts
     * @throws ConsentRequiredException when the tenant's model-training consent is not granted
     */
    @Transactional
    public TrainingOutcome train(TenantId tenant, String actor, String role, boolean promote) {
        SwitchDecision d = switches.state(AiFeature.FEEDBACK_LEARNING, tenant);
        if (!d.enabled()) {
            throw new LearningRefusedException("feedback learning is switched off for tenant " + tenant.value() + " by "
                    + d.decidedBy() + ": the champion stays frozen; turn the feedback-learning switch on to train");
        }
        ConsentStamp now = consent.stamp(tenant, ConsentScope.MODEL_TRAINING);
        if (!now.granted()) {
            throw new ConsentRequiredException(tenant, ConsentScope.MODEL_TRAINING, now);
        }
        Usable usable = usable(tenant);
        StringBuilder why = new StringBuilder();
        if (settings.split().split(usable.examples(), why).isEmpty()) { // before anything is registered or audited
            throw new LearningRefusedException(why + usable.skippedText());
        }
        registry.ensureFactory(tenant, actor, role);
        ModelVersion champion = registry.champion(tenant).orElseThrow();
        Challenge.Result challenge;
        try {
            challenge = new Challenge(settings.split(), ChampionGate.standard(), settings.priorStrength()).run(usable.examples(),
                    TriageModel.fromOnnx(registry.artifact(champion), FeatureSchema.CURRENT));
        } catch (LearningRefusedException e) {
            throw new LearningRefusedException(e.getMessage() + usable.skippedText());
        }
        TimeSplit.Parts parts = challenge.parts();
        TriageModel challenger = challenge.challenger();
        RankingMetrics cm = challenge.challengerMetrics();
        RankingMetrics km = challenge.championMetrics();
        ChampionGate.Decision gate = challenge.decision();

        int version = registry.nextVersion(tenant);
        String label = tenant.value() + "-v" + version;
        byte[] artifact = challenger.toOnnx(label);
        ModelStatus status = gate.promote() ? ModelStatus.PASSED : ModelStatus.REJECTED;
        Instant at = clock.instant();
        ModelVersion v = new ModelVersion(ModelRegistry.id(tenant, label), tenant, ModelRegistry.TRIAGE, version, label,
                dev.vigil.analyst.triage.TriageManifest.sha256(artifact), FeatureSchema.CURRENT.hash(), codeVersion,
                champion.label(), status, gate.reason(), metricsJson(cm, km, champion.label(), gate),
                trainingJson(parts, usable, settings.priorStrength()), actor, at);
        List<TrainingRecord> used = new ArrayList<>();
        for (VerdictExample e : parts.train()) {
            used.add(record(v, e, "train", at));
        }
        for (VerdictExample e : parts.heldOut()) {
            used.add(record(v, e, "held-out", at));
        }
        ModelVersion saved = registry.register(v, artifact, used, role);
        for (TrainingRecord r : used) {
            ledger.record(tenant, r.recordKind(), r.recordId(), ConsentScope.MODEL_TRAINING, "model:" + label);
        }
        boolean promoted = false;
        if (gate.promote() && promote) {
            saved = registry.promote(tenant, label, actor, role, gate.reason(), false);
            promoted = true;
        }
        return new TrainingOutcome(saved, champion.label(), cm, km, gate, promoted, parts.train().size(),
                parts.heldOut().size(), usable.skippedTotal());
    }

    /**
     * Compares a registered version with the champion on the tenant's latest held-out verdicts, as training would;
     * changes nothing.
     */
    public Comparison evaluate(TenantId tenant, String label) {
        ModelVersion candidate = registry.get(tenant, label);
        Usable usable = usable(tenant);
        StringBuilder why = new StringBuilder();
        TimeSplit.Parts parts = settings.split().split(usable.examples(), why).orElseThrow(() ->
                new LearningRefusedException(why + usable.skippedText()));
        ModelVersion champion = registry.champion(tenant).orElse(candidate);
        RankingMetrics cm = Challenge.metrics(TriageModel.fromOnnx(registry.artifact(candidate), FeatureSchema.CURRENT), parts.heldOut());
        RankingMetrics km = Challenge.metrics(TriageModel.fromOnnx(registry.artifact(champion), FeatureSchema.CURRENT), parts.heldOut());
        return new Comparison(candidate.label(), champion.label(), cm, km, ChampionGate.standard().decide(cm, km),
                parts.heldOut().size());
    }

    /** A version next to the champion on the same held-out verdicts. */
    public record Comparison(String label, String champion, RankingMetrics metrics, RankingMetrics championMetrics,
                             ChampionGate.Decision gate, int heldOut) {
    }

    /** Whether enough verdicts arrived since the tenant's last training for the schedule to retrain. */
    public boolean due(TenantId tenant) {
        Instant last = registry.list(tenant).stream().filter(v -> v.status() != ModelStatus.FACTORY)
                .map(ModelVersion::createdAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        return alerts.countByTenantAndVerdictIsNotNullAndClosedAtGreaterThan(tenant, last) >= settings.minNewVerdicts();
    }

    private record Usable(List<VerdictExample> examples, int noFeatures, int consentNotGranted) {
        int skippedTotal() {
            return noFeatures + consentNotGranted;
        }

        String skippedText() {
            if (skippedTotal() == 0) {
                return "";
            }
            return " (not usable: " + consentNotGranted + " verdict(s) given while model-training consent was not granted, "
                    + noFeatures + " alert(s) without the feature vector they were scored with)";
        }
    }

    private Usable usable(TenantId tenant) {
        List<Alert> judged = alerts.findByTenantAndVerdictIsNotNullOrderByFirstSeenDesc(tenant,
                Pageable.from(0, settings.maxVerdicts()));
        Map<String, AlertTriage> scored = new HashMap<>();
        for (int from = 0; from < judged.size(); from += 500) {
            List<String> ids = judged.subList(from, Math.min(judged.size(), from + 500)).stream().map(Alert::id).toList();
            triage.findByTenantAndIdIn(tenant, ids).forEach(t -> scored.put(t.id(), t));
        }
        List<VerdictExample> out = new ArrayList<>();
        int noFeatures = 0;
        int noConsent = 0;
        for (Alert a : judged) {
            if (!ConsentState.GRANTED.name().equals(a.verdictConsent())) {
                noConsent++;
                continue;
            }
            AlertTriage t = scored.get(a.id());
            var x = t == null ? java.util.Optional.<float[]>empty() : t.featuresFor(FeatureSchema.CURRENT);
            if (x.isEmpty()) {
                noFeatures++;
                continue;
            }
            out.add(new VerdictExample(a.id(), a.firstSeen(), x.get(), a.verdict() == Verdict.TRUE_POSITIVE,
                    a.verdict().name(), a.verdictConsent(), a.verdictPolicyVersion(), a.closedAt()));
        }
        return new Usable(out, noFeatures, noConsent);
    }

    private static TrainingRecord record(ModelVersion v, VerdictExample e, String split, Instant at) {
        return new TrainingRecord(v.id() + "/" + e.alertId(), v.tenant(), v.id(), "verdict", e.alertId(), split,
                e.verdict(), e.consentState(), e.policyVersion() == null ? "unknown" : e.policyVersion(),
                e.verdictAt() == null ? e.raisedAt() : e.verdictAt(), at);
    }

    private static String metricsJson(RankingMetrics challenger, RankingMetrics champion, String championLabel,
                                      ChampionGate.Decision gate) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("heldOut").put("alerts", challenger.alerts()).put("truePositives", challenger.truePositives());
        put(n.putObject("challenger"), challenger);
        put(n.putObject("champion").put("label", championLabel), champion);
        ArrayNode checks = n.putArray("gate");
        gate.checks().forEach(c -> checks.addObject().put("check", c.name()).put("passed", c.passed()).put("detail", c.detail()));
        return n.toString();
    }

    private static void put(ObjectNode n, RankingMetrics m) {
        n.put("auc", round(m.auc())).put("falsePositivesAt95Recall", m.fpAtRecall95()).put("brier", round(m.brier()));
    }

    private static String trainingJson(TimeSplit.Parts parts, Usable usable, double priorStrength) {
        List<VerdictExample> all = new ArrayList<>(parts.train());
        all.addAll(parts.heldOut());
        ObjectNode n = JSON.createObjectNode().put("trainer", String.format(java.util.Locale.ROOT, TRAINER, priorStrength)).put("verdicts", all.size())
                .put("train", parts.train().size()).put("heldOut", parts.heldOut().size())
                .put("trainTruePositives", parts.train().stream().filter(VerdictExample::truePositive).count())
                .put("from", parts.train().getFirst().raisedAt().toString())
                .put("heldOutFrom", parts.heldOut().getFirst().raisedAt().toString())
                .put("to", parts.heldOut().getLast().raisedAt().toString())
                .put("skippedConsentNotGranted", usable.consentNotGranted())
                .put("skippedWithoutFeatures", usable.noFeatures());
        count(n.putObject("consent"), all, VerdictExample::consentState);
        count(n.putObject("policies"), all, e -> e.policyVersion() == null ? "unknown" : e.policyVersion());
        count(n.putObject("labels"), all, VerdictExample::verdict);
        return n.toString();
    }

    private static void count(ObjectNode into, List<VerdictExample> all, Function<VerdictExample, String> key) {
        new TreeMap<>(all.stream().collect(Collectors.groupingBy(key, Collectors.counting()))).forEach(into::put);
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10_000) / 10_000.0;
    }
}
