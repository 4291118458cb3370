package dev.vigil.analyst.anomaly;

import dev.vigil.analyst.AnomalySignal;
import dev.vigil.appliance.RunningAppliance;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertQuery;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.event.EventObserver;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anomaly scoring in a running appliance: real alerting, real kill switches. */
class AnomalyScoringTest {

    private static final TenantId CUSTOMER = TenantId.of("customer");

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;
    static AnomalyScoring anomaly;
    static AlertService alerts;
    static long sequence = 1_000_000;

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of("vigil.analyst.anomaly.warm-up", "5",
                "vigil.analyst.anomaly.logon-warm-up", "5", "vigil.analyst.anomaly.volume-warm-up", "3",
                "vigil.analyst.anomaly.volume-min-count", "20", "vigil.analyst.anomaly.volume-tick", "1h"));
        anomaly = vigil.context.getBean(AnomalyScoring.class);
        alerts = vigil.context.getBean(AlertService.class);
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    private static void processStart(String host, String program, String parent) {
        NormalizedEvent e = new NormalizedEvent(++sequence, CUSTOMER, Instant.now(), Instant.now(), "windows-json",
                new LogSource("windows", "process_creation", null),
                Map.of("host.name", host, "process.executable", program, "process.parent.executable", parent), "{}", null);
        EventObserver.FollowUp f = anomaly.observe(e);
        if (f != null) {
            f.run();
        }
    }

    private static void logon(TenantId tenant, String user, String ip) {
        NormalizedEvent e = new NormalizedEvent(++sequence, tenant, Instant.now(), Instant.now(), "linux-auth",
                new LogSource("linux", "auth", null), Map.of("host.name", "bastion", "event.category", "authentication",
                "event.outcome", "success", "user.name", user, "source.ip", ip), "{}", null);
        EventObserver.FollowUp f = anomaly.observe(e);
        if (f != null) {
            f.run();
        }
    }

    private static void run(NormalizedEvent e) {
        EventObserver.FollowUp f = anomaly.observe(e);
        if (f != null) {
            f.run();
        }
    }

    private static NormalizedEvent anyEvent(String host, Instant at) {
        return new NormalizedEvent(++sequence, CUSTOMER, at, Instant.now(), "linux-syslog",
                new LogSource("linux", "syslog", null), Map.of("host.name", host, "message", "cron ran"), "{}", null);
    }

    private static List<Alert> anomalies(String host) {
        return alerts.list(CUSTOMER, new AlertQuery(null, null, null, Instant.EPOCH, null, 100)).stream()
                .filter(a -> a.kind() == AlertKind.ANOMALY && a.groupKey().startsWith(host + "|")).toList();
    }

    private static void warm(String host) {
        for (int i = 0; i < 5; i++) {
            processStart(host, "C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\System32\\services.exe");
        }
    }

    @Test
    void aProgramNewToAWarmHostRaisesAnExplainedAnomalyAlertAndFeedsTriage() {
        warm("ws-12");
        processStart("ws-12", "C:\\Windows\\System32\\rundll32.exe", "C:\\Program Files\\Office\\WINWORD.EXE");

        List<Alert> found = anomalies("ws-12");

        assertEquals(1, found.size(), found.toString());
        assertEquals("Anomaly: first time rundll32.exe ran on host ws-12 (started by winword.exe)", found.getFirst().title());
        AnomalySignal s = anomaly.signal(CUSTOMER, found.getFirst());
        assertEquals(1.0, s.score());
        assertTrue(s.reasons().getFirst().contains("rundll32.exe spawned by winword.exe for the first time"), s.toString());
    }

    @Test
    void anotherTenantsLogonsNeitherWarmUpNorFeedThisTenantsBaseline() {
        TenantId globex = TenantId.of("globex");
        for (int i = 0; i < 10; i++) {
            logon(globex, "frank", "10.0.0.5");
        }

        logon(CUSTOMER, "frank", "203.0.113.9");

        assertEquals(List.of(), alerts.list(CUSTOMER, new AlertQuery(null, null, null, Instant.EPOCH, null, 100)).stream()
                .filter(a -> a.ruleId().equals(AnomalyScoring.NEW_LOGON_SOURCE)).toList(), "customer's frank is not warm");
        LogonSourceBaselines.UserState frank = anomaly.baselines(CUSTOMER).logons().stream()
                .filter(u -> u.user().equals("frank")).findFirst().orElseThrow();
        assertEquals(1, frank.logons(), "only customer's own logon counts");
        assertEquals(List.of("203.0.113.9"), frank.sources().stream().map(LogonSourceBaselines.SourceState::source).toList());
    }

    @Test
    void aHostSendingFarMoreEventsThanUsualRaisesAnExplainedVolumeSpikeThatTriageSees() {
        Instant t0 = Instant.parse("2026-03-01T12:00:00Z");
        for (int bucket = 0; bucket < 5; bucket++) {
            for (int i = 0; i < 30; i++) {
                run(anyEvent("ws-40", t0.plus(Duration.ofMinutes(10L * bucket)).plusSeconds(i * 10L)));
            }
        }
        for (int i = 0; i < 500; i++) {
            run(anyEvent("ws-40", t0.plus(Duration.ofMinutes(50)).plusMillis(i * 1000L)));
        }
        run(anyEvent("ws-40", t0.plus(Duration.ofMinutes(60))));

        List<Alert> found = anomalies("ws-40");

        assertEquals(1, found.size(), found.toString());
        Alert spike = found.getFirst();
        assertEquals(AnomalyScoring.VOLUME_SPIKE, spike.ruleId());
        assertEquals("Anomaly: ws-40 sent 500 events in 10 minutes from 2026-03-01 12:50 UTC; its usual is 30 ± 5",
                spike.title());
        assertEquals(RuleLevel.MEDIUM, spike.level(), "far above: more than twice k standard deviations");
        AnomalySignal s = anomaly.signal(CUSTOMER, spike);
        assertEquals(0.8, s.score());
        assertEquals(List.of("during a volume spike: ws-40 sent 500 events in 10 minutes from 2026-03-01 12:50 UTC; "
                + "its usual is 30 ± 5"), s.reasons());
    }

    @Test
    void anEventReplayedAfterACrashIsNotLearnedTwice() {
        NormalizedEvent e = new NormalizedEvent(++sequence, CUSTOMER, Instant.now(), Instant.now(), "linux-auth",
                new LogSource("linux", "auth", null), Map.of("host.name", "bastion", "event.category", "authentication",
                "event.outcome", "success", "user.name", "grace", "source.ip", "10.0.0.9"), "{}", null);
        run(e);
        run(e);

        assertEquals(List.of(1L), anomaly.baselines(CUSTOMER).logons().stream().filter(u -> u.user().equals("grace"))
                .map(LogonSourceBaselines.UserState::logons).toList());
    }

    @Test
    void withTheSwitchOffNoAnomalyAlertIsRaised() throws Exception {
        warm("ws-13");
        HttpResponse<String> off = vigil.post("/api/v1/switches", "Bearer " + vigil.adminToken, "application/json",
                "{\"feature\":\"anomaly-scoring\",\"state\":\"off\",\"reason\":\"test\"}");
        assertEquals(200, off.statusCode(), off.body());
        try {
            processStart("ws-13", "C:\\Temp\\evil.exe", "C:\\Windows\\explorer.exe");
            assertEquals(List.of(), anomalies("ws-13"));
        } finally {
            vigil.post("/api/v1/switches/clear", "Bearer " + vigil.adminToken, "application/json",
                    "{\"feature\":\"anomaly-scoring\",\"reason\":\"test\"}");
        }
    }
}
