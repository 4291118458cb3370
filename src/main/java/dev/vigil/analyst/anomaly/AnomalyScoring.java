package dev.vigil.analyst.anomaly;

import dev.vigil.analyst.AnomalySignal;
import dev.vigil.analyst.AnomalySignals;
import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.AlertSink;
import dev.vigil.event.EventObserver;
import dev.vigil.event.NormalizedEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Anomaly scoring at ingest: each process start (an event with {@code process.executable} and
 * {@code process.parent.executable}) updates its host's baseline in event order; once the host is warmed up, a
 * program it never ran, or a parent-child pair it never showed, raises an anomaly alert explained in plain words
 * ("first time rundll32.exe was spawned by winword.exe on host ws-12"). It also answers triage's anomaly feature.
 *
 * <p>Guarantees: the per-event cost is a few hash lookups under one lock, in the pipeline's in-order step; tenants
 * never share baselines; with the {@code anomaly-scoring} switch off, no anomaly alert is raised and the triage
 * feature is {@link AnomalySignal#NONE}, while baselines keep learning so that switching back on does not flood.
 * Baselines live in memory: after a restart each host warms up again (replayed events are deduplicated by alerting).
 */
@Singleton
public class AnomalyScoring implements EventObserver, AnomalySignals {

    /** Rule ids of the anomaly alerts. */
    public static final String NEW_PROGRAM = "vigil-anomaly-new-program";
    public static final String NEW_PARENT_CHILD = "vigil-anomaly-new-parent-child";

    private final ProcessBaselines baselines;
    private final AlertSink alerts;
    private final KillSwitches switches;

    public AnomalyScoring(@Value("${vigil.analyst.anomaly.warm-up:200}") int warmUp, AlertService alerts,
                          KillSwitches switches) {
        this(new ProcessBaselines(warmUp, 10_000, 5_000), alerts, switches);
    }

    AnomalyScoring(ProcessBaselines baselines, AlertSink alerts, KillSwitches switches) {
        this.baselines = baselines;
        this.alerts = alerts;
        this.switches = switches;
    }

    @Override
    public FollowUp observe(NormalizedEvent event) {
        String program = event.text("process.executable");
        String parent = event.text("process.parent.executable");
        String host = event.text("host.name");
        if (program == null || parent == null || host == null || event.hasParseError()) {
            return null;
        }
        return () -> baselines.learn(event.tenant(), host, program, parent).ifPresent(f -> {
            if (switches.state(AiFeature.ANOMALY_SCORING, event.tenant()).enabled()) {
                alerts.raise(candidate(event, f));
            }
        });
    }

    static AlertCandidate candidate(NormalizedEvent event, ProcessBaselines.Finding f) {
        boolean pair = f.novelty() == ProcessBaselines.Novelty.NEW_PARENT_CHILD;
        return new AlertCandidate(event.tenant(), pair ? NEW_PARENT_CHILD : NEW_PROGRAM,
                "Anomaly: " + f.explanation(), pair ? RuleLevel.MEDIUM : RuleLevel.LOW, List.of("vigil.anomaly"),
                AlertKind.ANOMALY, event.timestamp(), event.timestamp(), List.of(event.id()),
                List.of(new MatchedField("host.name", f.host()), new MatchedField("process.executable", f.program()),
                        new MatchedField("process.parent.executable", f.parent())),
                f.host() + "|" + f.parent() + ">" + f.program());
    }

    @Override
    public AnomalySignal signal(dev.vigil.tenancy.TenantId tenant, Alert alert) {
        if (!switches.state(AiFeature.ANOMALY_SCORING, tenant).enabled()) {
            return AnomalySignal.NONE;
        }
        List<MatchedField> matched = AlertService.matchedOf(alert);
        Optional<String> host = value(matched, "host.name");
        Optional<String> program = value(matched, "process.executable", "Image");
        Optional<String> parent = value(matched, "process.parent.executable", "ParentImage");
        if (host.isEmpty() || program.isEmpty() || parent.isEmpty() || !baselines.warm(tenant, host.get())) {
            return AnomalySignal.NONE;
        }
        int seen = baselines.pairCount(tenant, host.get(), program.get(), parent.get());
        if (seen > 3) {
            return AnomalySignal.NONE;
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(ProcessBaselines.name(program.get()) + " spawned by " + ProcessBaselines.name(parent.get()) + " "
                + (seen <= 1 ? "for the first time" : "only " + seen + " times") + " on host " + host.get());
        return new AnomalySignal(seen <= 1 ? 1.0 : 0.5, reasons);
    }

    private static Optional<String> value(List<MatchedField> matched, String... fields) {
        for (String f : fields) {
            for (MatchedField m : matched) {
                if (m.field().equals(f)) {
                    return Optional.of(m.value());
                }
            }
        }
        return Optional.empty();
    }
}
