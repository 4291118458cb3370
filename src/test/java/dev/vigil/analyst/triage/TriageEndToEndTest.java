package dev.vigil.analyst.triage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.appliance.RunningAppliance;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New alerts of a running appliance are triaged by the shipped model, explained, and fall back when switched off. */
class TriageEndToEndTest {

    private static final TenantId CUSTOMER = TenantId.of("customer");

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;
    static AlertService alerts;
    static int group;

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of("vigil.audit.checkpoint-interval", "1h"));
        alerts = vigil.context.getBean(AlertService.class);
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    private static Alert raise(RuleLevel level) {
        Instant now = Instant.now();
        return alerts.record(new AlertCandidate(CUSTOMER, "vigil-lsass-access", "LSASS memory read by rundll32", level,
                List.of("attack.credential_access", "attack.t1003.001"), AlertKind.DETECTION, now, now, List.of(),
                List.of(new MatchedField("process.executable", "C:\\Windows\\System32\\rundll32.exe")), "ws-" + (++group)));
    }

    private static JsonNode triage(String id) throws Exception {
        HttpResponse<String> r = vigil.get("/api/v1/alerts/" + id + "/triage", "Bearer " + vigil.adminToken);
        assertEquals(200, r.statusCode(), r.body());
        return RunningAppliance.JSON.readTree(r.body());
    }

    @Test
    void aNewAlertIsScoredByTheShippedModelWithReasons() throws Exception {
        Alert a = raise(RuleLevel.HIGH);

        JsonNode t = triage(a.id());

        assertEquals("factory-1", t.path("modelVersion").asText(), t.toString());
        double p = t.path("probability").asDouble(-1);
        assertTrue(p >= 0 && p <= 1, t.toString());
        assertEquals(Priorities.fromProbability(p), t.path("priority").asText());
        assertFalse(t.path("explanation").asText().isBlank(), t.toString());
    }

    @Test
    void withTheSwitchOffTheRuleLevelDecidesAndTheExplanationSaysWhy() throws Exception {
        HttpResponse<String> off = vigil.post("/api/v1/switches", "Bearer " + vigil.adminToken, "application/json",
                "{\"feature\":\"triage-model\",\"state\":\"off\",\"reason\":\"test\"}");
        assertEquals(200, off.statusCode(), off.body());
        try {
            Alert a = raise(RuleLevel.CRITICAL);

            JsonNode t = triage(a.id());

            assertEquals("fallback", t.path("modelVersion").asText(), t.toString());
            assertFalse(t.hasNonNull("probability"), t.toString());
            assertEquals("P1", t.path("priority").asText());
            assertTrue(t.path("explanation").asText().contains("switched off"), t.toString());
        } finally {
            vigil.post("/api/v1/switches/clear", "Bearer " + vigil.adminToken, "application/json",
                    "{\"feature\":\"triage-model\",\"reason\":\"test\"}");
        }
    }

    @Test
    void anotherTenantsAlertIsNotFound() throws Exception {
        Instant now = Instant.now();
        Alert fleet = alerts.record(new AlertCandidate(TenantId.FLEET, "r", "t", RuleLevel.LOW, List.of(), AlertKind.DETECTION,
                now, now, List.of(), List.of(), "g"));
        assertEquals(404, vigil.get("/api/v1/alerts/" + fleet.id() + "/triage", "Bearer " + vigil.adminToken).statusCode());
    }

    @Test
    void vigilVerdictClosesTheAlertWithTheAnalystsVerdictAndConsentStamp() {
        Alert a = raise(RuleLevel.HIGH);

        int exit = dev.vigil.cli.VigilCommand.execute("verdict", a.id(), "tp", "--note", "confirmed with the host owner",
                "--data-dir", vigil.dataDir.toString());

        assertEquals(0, exit);
        Alert closed = alerts.get(CUSTOMER, a.id());
        assertEquals(dev.vigil.detect.alert.Verdict.TRUE_POSITIVE, closed.verdict());
        assertEquals("confirmed with the host owner", closed.note());
        assertTrue(closed.verdictConsent() != null && closed.verdictPolicyVersion() != null, closed.toString());
        Alert other = raise(RuleLevel.LOW);
        org.junit.jupiter.api.Assertions.assertNotEquals(0, dev.vigil.cli.VigilCommand.execute("verdict", other.id(), "maybe",
                "--data-dir", vigil.dataDir.toString()), "an unknown verdict is refused");
        assertEquals(null, alerts.get(CUSTOMER, other.id()).verdict());
    }
}
