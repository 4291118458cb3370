package dev.vigil.analyst.triage;

import dev.vigil.analyst.AnomalySignal;
import dev.vigil.analyst.AnomalySignals;
import dev.vigil.analyst.SimilarVerdictSummary;
import dev.vigil.analyst.SimilarVerdicts;
import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import dev.vigil.control.SwitchDecision;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertRaised;
import dev.vigil.detect.alert.AlertRepository;
import dev.vigil.detect.alert.Verdict;
import dev.vigil.tenancy.TenantId;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Scores every new alert: features from the tenant's alert history, the similar-alert and anomaly signals when those
 * features are present, one shared ONNX Runtime session, batched; stores probability, priority, reasons and model.
 *
 * <p>Guarantees: never on the ingest path (new alerts are queued after their transaction commits and scored by one
 * background thread in batches; a full queue drops the newest and counts it, and {@link #triage} scores on demand);
 * a tenant's alert is scored only from that tenant's history; with the {@code triage-model} switch off, or no model
 * loaded (missing, or refused because its hash or schema did not match), the priority comes from the rule level and
 * the explanation says so; a model failure on a batch falls back the same way for that batch.
 */
@Singleton
public class TriageService implements AutoCloseable {

    /** History the features look at. */
    static final Duration HISTORY = Duration.ofDays(7);
    private static final int HISTORY_CAP = 5_000;
    private static final int BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(TriageService.class);

    private final TriageModelSource models;
    private final AlertRepository alerts;
    private final AlertTriageRepository triage;
    private final KillSwitches switches;
    private final Optional<SimilarVerdicts> similar;
    private final Optional<AnomalySignals> anomaly;
    private final Clock clock;
    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(10_000);
    private final Thread worker;
    private volatile long dropped;
    private volatile boolean closing;

    /** A model ready for inference: its session, its parameters (read back from the artifact, for explanations) and version. */
    public record LoadedModel(TriageSession session, TriageModel parameters, String version) {
    }

    public TriageService(TriageModelSource models, AlertRepository alerts, AlertTriageRepository triage,
                         KillSwitches switches, Optional<SimilarVerdicts> similar, Optional<AnomalySignals> anomaly,
                         Clock clock) {
        this.models = models;
        this.alerts = alerts;
        this.triage = triage;
        this.switches = switches;
        this.similar = similar;
        this.anomaly = anomaly;
        this.clock = clock;
        this.worker = Thread.ofPlatform().name("vigil-triage").daemon().unstarted(this::drain);
        this.worker.start();
    }

    /** Queues a committed new alert for scoring. */
    @TransactionalEventListener
    public void onRaised(AlertRaised event) {
        if (!queue.offer(event.alert())) {
            dropped++;
        }
    }

    /** The alert's triage, scoring it now if it has none yet. */
    public AlertTriage triage(TenantId tenant, Alert alert) {
        return triage.findByTenantAndId(tenant, alert.id()).orElseGet(() -> score(List.of(alert)).getFirst());
    }

    /** Alerts that did not fit the queue (scored on demand later). */
    public long dropped() {
        return dropped;
    }

    /** Scores alerts (of any tenants, each from its own tenant's history) and stores the results. */
    public synchronized List<AlertTriage> score(List<Alert> batch) {
        Instant now = clock.instant();
        String[] fallback = new String[batch.size()];
        List<Integer> modelled = new ArrayList<>();
        List<TriageContext> contexts = new ArrayList<>(batch.size());
        List<TriageModelSource.Resolution> resolutions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Alert a = batch.get(i);
            contexts.add(context(a));
            SwitchDecision d = switches.state(AiFeature.TRIAGE_MODEL, a.tenant());
            TriageModelSource.Resolution r = d.enabled() ? models.resolve(a.tenant()) : null;
            resolutions.add(r);
            if (!d.enabled()) {
                fallback[i] = "triage model switched off by " + d.decidedBy();
            } else if (r.model().isEmpty()) {
                fallback[i] = r.unavailable();
            } else {
                modelled.add(i);
            }
        }
        double[] p = new double[batch.size()];
        float[][] features = new float[batch.size()][];
        LoadedModel[] used = new LoadedModel[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            features[i] = TriageFeatures.of(contexts.get(i));
        }
        // one batch per model: tenants with a promoted champion of their own are scored by it, the rest by the factory
        java.util.Map<LoadedModel, List<Integer>> byModel = new java.util.LinkedHashMap<>();
        for (int i : modelled) {
            TriageModelSource.Resolution r = resolutions.get(i);
            byModel.computeIfAbsent(r.model().orElseThrow(), k -> new ArrayList<>()).add(i);
        }
        byModel.forEach((m, members) -> {
            float[][] x = members.stream().map(i -> features[i]).toArray(float[][]::new);
            try {
                double[] scored = m.session().score(x);
                for (int k = 0; k < scored.length; k++) {
                    p[members.get(k)] = scored[k];
                    used[members.get(k)] = m;
                }
            } catch (RuntimeException e) {
                LOG.error("triage inference failed for {} alerts; rules-only severity for them: {}", x.length, e.getMessage());
                members.forEach(i -> fallback[i] = "the model failed: " + e.getMessage());
            }
        });
        String schemaHash = FeatureSchema.CURRENT.hash();
        List<AlertTriage> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Alert a = batch.get(i);
            AlertTriage t;
            String kept = AlertTriage.encode(features[i]);
            if (fallback[i] != null) {
                t = new AlertTriage(a.id(), a.tenant(), null, Priorities.fromLevel(a.level()),
                        "rules-only severity (" + fallback[i] + "): priority from rule level " + a.level().sigmaName(),
                        "fallback", now, kept, schemaHash);
            } else {
                LoadedModel m = used[i];
                List<String> reasons = Explanations.of(contexts.get(i), m.parameters().explain(features[i]), 3);
                t = new AlertTriage(a.id(), a.tenant(), p[i], Priorities.fromProbability(p[i]), String.join("; ", reasons),
                        m.version(), now, kept, schemaHash);
            }
            out.add(triage.existsByTenantAndId(a.tenant(), a.id()) ? triage.update(t) : triage.save(t));
        }
        return List.copyOf(out);
    }

    private TriageContext context(Alert a) {
        List<AlertHistory.Past> history = new ArrayList<>();
        for (Alert p : alerts.findByTenantAndLastSeenGreaterThanEqualsOrderByLastSeenDesc(a.tenant(),
                a.firstSeen().minus(HISTORY), Pageable.from(0, HISTORY_CAP))) {
            history.add(new AlertHistory.Past(p.id(), p.ruleId(), p.groupKey(), p.firstSeen(),
                    p.verdict() == null ? null : p.verdict() == Verdict.TRUE_POSITIVE));
        }
        List<String> tags = a.tags().isEmpty() ? List.of() : Arrays.asList(a.tags().split(","));
        AlertHistory.Scored scored = new AlertHistory.Scored(a.id(), a.ruleId(), a.groupKey(), a.level(), tags,
                a.firstSeen(), a.eventCount(), a.kind() == AlertKind.CORRELATION);
        SimilarVerdictSummary s = similar.map(v -> safely(() -> v.summarise(a.tenant(), a), SimilarVerdictSummary.NONE))
                .orElse(SimilarVerdictSummary.NONE);
        AnomalySignal an = anomaly.map(v -> safely(() -> v.signal(a.tenant(), a), AnomalySignal.NONE)).orElse(AnomalySignal.NONE);
        return AlertHistory.context(scored, history, an, s);
    }

    private static <T> T safely(java.util.function.Supplier<T> call, T fallback) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            LOG.warn("a triage signal failed, scoring without it: {}", e.getMessage());
            return fallback;
        }
    }

    private void drain() {
        List<Alert> batch = new ArrayList<>(BATCH);
        while (!closing) {
            try {
                Alert first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                score(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("triage of {} alerts failed; they are scored on demand: {}", batch.size(), e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    @PreDestroy
    @Override
    public void close() {
        closing = true; // not an interrupt: an interrupted JDBC call can close an embedded database's file
        try {
            worker.join(Duration.ofSeconds(30)); // let the batch in hand finish before its session and database close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
