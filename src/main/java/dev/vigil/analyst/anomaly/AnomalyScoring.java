package dev.vigil.analyst.anomaly;

import dev.vigil.analyst.AnomalySignal;
import dev.vigil.analyst.AnomalySignals;
import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.AlertSink;
import dev.vigil.event.EventObserver;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anomaly scoring at ingest, in the pipeline's in-order step, against per-tenant behavioural baselines:
 * <ul>
 *   <li>process starts ({@code process.executable} with {@code process.parent.executable}): a program a warmed-up host
 *   never ran, or a parent-child pair it never showed ({@link ProcessBaselines});</li>
 *   <li>logons ({@link Logon}): a successful logon of a warmed-up user from a source it never logged on from, high
 *   right after failures from that source ({@link LogonSourceBaselines});</li>
 *   <li>volume: every event with {@code host.name} counts into its host's bucket of event time (capped at the receive
 *   time, so a host with a clock far ahead cannot jump its buckets into the future); a completed bucket far above the
 *   host's usual is a spike ({@link VolumeBaselines}); {@link #tick} completes quiet hosts' buckets.</li>
 * </ul>
 * Each finding raises an anomaly alert explained in plain words; the same baselines answer triage's anomaly feature.
 *
 * <p>Guarantees: the per-event cost is a few hash lookups and a counter increment under the baselines' locks; tenants
 * never share baselines; with the {@code anomaly-scoring} switch off no anomaly alert is raised and the triage feature
 * is {@link AnomalySignal#NONE}, while baselines keep learning so that switching back on does not flood. Baselines
 * survive a restart: each tenant's are restored from its last snapshot the first time the tenant is seen after start
 * (one database read per tenant, then never again on the event path), and saved every
 * {@code vigil.analyst.anomaly.snapshot-interval} and at shutdown ({@link BaselineSnapshots}; derived state, not
 * audited). A snapshot records the highest event sequence learned, and events replayed after a crash at or below it
 * are not learned (nor alerted) twice; what was learned after the last snapshot before a crash is lost, not replayed.
 */
@Singleton
public class AnomalyScoring implements EventObserver, AnomalySignals {

    /** Rule ids of the anomaly alerts. */
    public static final String NEW_PROGRAM = AnomalyCandidates.NEW_PROGRAM;
    public static final String NEW_PARENT_CHILD = AnomalyCandidates.NEW_PARENT_CHILD;
    public static final String NEW_LOGON_SOURCE = AnomalyCandidates.NEW_LOGON_SOURCE;
    public static final String VOLUME_SPIKE = AnomalyCandidates.VOLUME_SPIKE;

    private static final Logger LOG = LoggerFactory.getLogger(AnomalyScoring.class);

    private final ProcessBaselines processes;
    private final LogonSourceBaselines logons;
    private final VolumeBaselines volumes;
    private final BaselineSignals signals;
    private final AlertSink alerts;
    private final KillSwitches switches;
    private final BaselineSnapshots snapshots;
    private final Clock clock;
    private final Object restoring = new Object();
    private final long quietMillis;
    private final Map<TenantId, Progress> progress = new ConcurrentHashMap<>();

    @Inject
    public AnomalyScoring(AnomalySettings settings, AlertService alerts, KillSwitches switches,
                          BaselineSnapshots snapshots, Clock clock) {
        this(settings, (AlertSink) alerts, switches, snapshots, clock);
    }

    AnomalyScoring(AnomalySettings settings, AlertSink alerts, KillSwitches switches, BaselineSnapshots snapshots,
                   Clock clock) {
        this.processes = settings.processBaselines();
        this.logons = settings.logonBaselines();
        this.volumes = settings.volumeBaselines();
        this.signals = new BaselineSignals(processes, logons, volumes);
        this.alerts = alerts;
        this.switches = switches;
        this.snapshots = snapshots;
        this.clock = clock;
        this.quietMillis = 2 * settings.volumeBucket().toMillis();
    }

    @Override
    public FollowUp observe(NormalizedEvent event) {
        String host = event.text("host.name");
        if (event.hasParseError()) {
            return null;
        }
        String program = event.text("process.executable");
        String parent = event.text("process.parent.executable");
        Optional<Logon> logon = Logon.of(event);
        if (host == null && logon.isEmpty()) {
            return null;
        }
        return () -> learn(event, host, program, parent, logon);
    }

    private void learn(NormalizedEvent event, String host, String program, String parent, Optional<Logon> logon) {
        TenantId tenant = event.tenant();
        Progress p = progress(tenant);
        if (!p.admit(event, clock.millis())) {
            return;
        }
        if (host != null) {
            Instant at = event.timestamp().isAfter(event.receivedAt()) ? event.receivedAt() : event.timestamp();
            volumes.count(tenant, host, at).ifPresent(s -> raise(tenant, AnomalyCandidates.volume(tenant, s)));
            if (program != null && parent != null) {
                processes.learn(tenant, host, program, parent)
                        .ifPresent(f -> raise(tenant, AnomalyCandidates.process(event, f)));
            }
        }
        logon.ifPresent(l -> {
            if (l.success()) {
                logons.success(tenant, l.user(), l.source(), event.timestamp())
                        .ifPresent(f -> raise(tenant, AnomalyCandidates.logon(event, f)));
            } else {
                logons.failure(tenant, l.user(), l.source(), event.timestamp());
            }
        });
    }

    private void raise(TenantId tenant, AlertCandidate candidate) {
        if (switches.state(AiFeature.ANOMALY_SCORING, tenant).enabled()) {
            alerts.raise(candidate);
        }
    }

    /**
     * Completes the volume buckets of quiet hosts: those a bucket behind the tenant's latest event time, or behind the
     * clock when the tenant has received nothing for two buckets.
     */
    @Scheduled(fixedDelay = "${vigil.analyst.anomaly.volume-tick:1m}", initialDelay = "${vigil.analyst.anomaly.volume-tick:1m}")
    public void tick() {
        long now = clock.millis();
        progress.forEach((tenant, p) -> {
            Instant at = Instant.ofEpochMilli(now - p.lastReceived > quietMillis ? Math.max(now, p.watermark) : p.watermark);
            for (var spike : volumes.tick(tenant, at)) {
                raise(tenant, AnomalyCandidates.volume(tenant, spike));
            }
        });
    }

    /**
     * Saves the baselines of every tenant seen since start (a tenant not seen keeps its snapshot untouched); one
     * tenant's failure is logged and never stops the others.
     */
    @Scheduled(fixedDelay = "${vigil.analyst.anomaly.snapshot-interval:5m}",
            initialDelay = "${vigil.analyst.anomaly.snapshot-interval:5m}")
    public void snapshot() {
        for (TenantId tenant : List.copyOf(progress.keySet())) {
            try {
                snapshots.save(tenant, baselines(tenant));
            } catch (RuntimeException e) {
                LOG.error("tenant {}: anomaly baselines not saved: {}", tenant.value(), e.getMessage(), e);
            }
        }
    }

    /** A last snapshot at shutdown (the pipeline, which feeds this bean, has stopped before). */
    @PreDestroy
    void saveAtShutdown() {
        snapshot();
    }

    /** Everything learned about the tenant, as a snapshot persists it. */
    public TenantBaselines baselines(TenantId tenant) {
        Progress p = progress(tenant);
        return new TenantBaselines(processes.export(tenant), logons.export(tenant), volumes.export(tenant),
                p.learnedThrough, p.watermark);
    }

    /** The tenant's progress; the first call for a tenant restores its baselines from its last snapshot. */
    private Progress progress(TenantId tenant) {
        Progress p = progress.get(tenant);
        if (p != null) {
            return p;
        }
        synchronized (restoring) {
            p = progress.get(tenant);
            if (p == null) {
                p = restore(tenant);
                progress.put(tenant, p);
            }
            return p;
        }
    }

    private Progress restore(TenantId tenant) {
        Progress p = new Progress();
        p.lastReceived = clock.millis();
        try {
            TenantBaselines b = snapshots.load(tenant);
            processes.restore(tenant, b.processes());
            logons.restore(tenant, b.logons());
            volumes.restore(tenant, b.volumes());
            p.learnedThrough = b.learnedThrough();
            p.watermark = b.watermark();
        } catch (RuntimeException e) {
            LOG.error("tenant {}: anomaly baselines not restored, learning again from nothing: {}", tenant.value(),
                    e.getMessage(), e);
        }
        return p;
    }

    @Override
    public AnomalySignal signal(TenantId tenant, Alert alert) {
        if (!switches.state(AiFeature.ANOMALY_SCORING, tenant).enabled()) {
            return AnomalySignal.NONE;
        }
        progress(tenant);
        return signals.signal(tenant, AlertService.matchedOf(alert), alert.firstSeen());
    }

    /** How far one tenant's events have been learned; written by the in-order step, read by ticks and snapshots. */
    private static final class Progress {
        volatile long learnedThrough;
        volatile long watermark;
        volatile long lastReceived;

        /** Whether the event is new to the baselines (not a replay of one already learned); advances the marks. */
        boolean admit(NormalizedEvent event, long now) {
            long seq = event.sequence();
            if (seq > 0 && seq <= learnedThrough) {
                return false;
            }
            learnedThrough = Math.max(learnedThrough, seq);
            long at = Math.min(event.timestamp().toEpochMilli(), event.receivedAt().toEpochMilli());
            watermark = Math.max(watermark, at);
            lastReceived = now;
            return true;
        }
    }
}
