package dev.vigil.analyst.anomaly;

import dev.vigil.analyst.AnomalySignal;
import dev.vigil.appliance.RunningAppliance;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertQuery;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logon-source baselines in a running appliance: sshd lines go through the real ingest path (HTTP, spool, connector,
 * pipeline, alerting), and baselines are saved to the real H2 file and restored by a restarted appliance.
 */
class AnomalyBaselinesApplianceTest {

    private static final TenantId CUSTOMER = TenantId.of("customer");
    private static final Map<String, Object> SETTINGS = Map.of("vigil.analyst.anomaly.logon-warm-up", "3");

    @TempDir
    Path tmp;

    private static void ingest(RunningAppliance vigil, List<String> lines) throws Exception {
        HttpResponse<String> r = vigil.post("/api/v1/ingest?connector=linux-auth", "Bearer " + vigil.ingestToken,
                "text/plain", String.join("\n", lines) + "\n");
        assertEquals(200, r.statusCode(), r.body());
    }

    private static String accepted(String at, String user, String ip) {
        return "Mar  3 " + at + " bastion sshd[4242]: Accepted password for " + user + " from " + ip + " port 50522 ssh2";
    }

    private static String failed(String at, String user, String ip) {
        return "Mar  3 " + at + " bastion sshd[4243]: Failed password for " + user + " from " + ip + " port 41122 ssh2";
    }

    /** Waits until the last ingested line has been seen by the pipeline (searchable), then returns the anomaly alerts. */
    private static List<Alert> logonAnomalies(RunningAppliance vigil, String marker, int atLeast) throws Exception {
        vigil.awaitSearch(vigil.adminToken, marker, 1);
        AlertService alerts = vigil.context.getBean(AlertService.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Alert> found;
        do {
            found = alerts.list(CUSTOMER, new AlertQuery(null, null, null, Instant.EPOCH, null, 100)).stream()
                    .filter(a -> a.ruleId().equals(AnomalyScoring.NEW_LOGON_SOURCE)).toList();
            if (found.size() >= atLeast) {
                return found;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return found;
    }

    private static List<String> usualLogons(String user, String ip) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(accepted("09:0" + i + ":00", user, ip));
        }
        return lines;
    }

    @Test
    void aPasswordSprayThenSuccessFromANewAddressRaisesAHighExplainedLogonSourceAlert() throws Exception {
        try (RunningAppliance vigil = new RunningAppliance(tmp.resolve("data"), SETTINGS)) {
            List<String> lines = new ArrayList<>(usualLogons("alice", "10.0.0.5"));
            for (String user : List.of("bob", "carol", "alice", "dave", "alice")) {
                lines.add(failed("10:1" + lines.size() % 10 + ":00", user, "203.0.113.9"));
            }
            lines.add(accepted("10:20:00", "alice", "203.0.113.9"));
            ingest(vigil, lines);

            List<Alert> found = logonAnomalies(vigil, "203.0.113.9", 1);

            assertEquals(1, found.size(), found.toString());
            Alert a = found.getFirst();
            assertEquals(RuleLevel.HIGH, a.level(), "alice's password was guessed from that address just before");
            assertTrue(a.title().startsWith("Anomaly: first successful logon of alice from 203.0.113.9, right after 2 "
                    + "failed logons from it; 3 earlier logons came from 1 source, the last new one "), a.title());
            AnomalySignal s = vigil.context.getBean(AnomalyScoring.class).signal(CUSTOMER, a);
            assertEquals(1.0, s.score());
            assertTrue(s.reasons().contains("successful logon of alice from 203.0.113.9 for the first time"), s.toString());
        }
    }

    @Test
    void baselinesSurviveARestartSoAKnownSourceIsNotNewAgain() throws Exception {
        Path data = tmp.resolve("data");
        try (RunningAppliance vigil = new RunningAppliance(data, SETTINGS)) {
            ingest(vigil, usualLogons("erin", "10.0.0.7"));
            vigil.awaitSearch(vigil.adminToken, "erin", 3);
            Thread.sleep(500); // the in-order step runs right after indexing
        }
        try (RunningAppliance vigil = new RunningAppliance(data, SETTINGS)) {
            TenantBaselines restored = vigil.context.getBean(AnomalyScoring.class).baselines(CUSTOMER);
            assertEquals(List.of("erin"), restored.logons().stream().map(LogonSourceBaselines.UserState::user).toList());

            ingest(vigil, List.of(accepted("11:00:00", "erin", "10.0.0.7"), accepted("11:05:00", "erin", "198.51.100.77")));

            List<Alert> found = logonAnomalies(vigil, "198.51.100.77", 1);
            assertEquals(List.of("Anomaly: first successful logon of erin from 198.51.100.77; 4 earlier logons came "
                    + "from 1 source, the last new one 2 hours ago"), found.stream().map(Alert::title).toList(),
                    "warm from the snapshot, and 10.0.0.7 was known");
        }
    }
}
