package dev.vigil.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.detect.SampleRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events sent over HTTP are detected at ingest: the alert appears with why it fired, and triage is audited. */
class DetectionEndToEndTest {

    private static final String EVENT = """
            {"Event":{"System":{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"ws-07.corp","TimeCreated":{"#attributes":{"SystemTime":"2026-03-01T10:00:00Z"}}},"EventData":{"Image":"C:\\\\Windows\\\\System32\\\\whoami.exe","CommandLine":"whoami /all","User":"CORP\\\\ann"}}}
            """;

    @TempDir
    Path data;

    @Test
    void anIngestedEventRaisesAnAlertThatAnAnalystClosesWithAnAuditedVerdict() throws Exception {
        try (RunningAppliance vigil = new RunningAppliance(data, Map.of())) {
            String admin = "Bearer " + vigil.adminToken;
            String rule = RunningAppliance.JSON.writeValueAsString(Map.of("name", "whoami.yml", "yaml", SampleRules.WHOAMI));
            assertEquals(201, vigil.post("/api/v1/rules", admin, "application/json", rule).statusCode());
            HttpResponse<String> sent = vigil.post("/api/v1/ingest?connector=windows-json", "Bearer " + vigil.ingestToken,
                    "application/x-ndjson", EVENT);
            assertEquals(200, sent.statusCode(), sent.body());

            JsonNode alert = awaitAlert(vigil, admin, SampleRules.WHOAMI_ID);
            assertEquals("new", alert.path("status").asText());
            assertEquals("low", alert.path("level").asText());
            assertTrue(alert.path("matched").toString().contains("C:\\\\Windows\\\\System32\\\\whoami.exe"), alert.toString());
            assertTrue(alert.path("groupKey").asText().contains("host.name=ws-07.corp"), alert.toString());
            assertEquals(1, alert.path("eventIds").size());

            HttpResponse<String> closed = vigil.post("/api/v1/alerts/" + alert.path("id").asText() + "/close", admin,
                    "application/json", "{\"verdict\":\"tp\",\"note\":\"recon by an intruder\"}");
            assertEquals(200, closed.statusCode(), closed.body());
            assertEquals("true_positive", RunningAppliance.JSON.readTree(closed.body()).path("verdict").asText());
            JsonNode audit = RunningAppliance.JSON.readTree(vigil.get("/api/v1/audit?limit=5", admin).body());
            assertTrue(audit.toString().contains("alert.close"), audit.toString());
        }
    }

    private static JsonNode awaitAlert(RunningAppliance vigil, String admin, String ruleId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode alerts = RunningAppliance.JSON.readTree(vigil.get("/api/v1/alerts?rule=" + ruleId, admin).body());
            if (alerts.size() > 0) {
                return alerts.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no alert of rule " + ruleId + " within 15 s");
    }
}
