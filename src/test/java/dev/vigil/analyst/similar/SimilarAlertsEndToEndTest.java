package dev.vigil.analyst.similar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.analyst.SimilarVerdictSummary;
import dev.vigil.appliance.RunningAppliance;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.Verdict;
import dev.vigil.store.AlertVectorStore;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Similar alerts in a running appliance: alerts raised through {@link AlertService} are embedded after commit by the
 * background indexer, {@code GET /api/v1/alerts/{id}/similar} finds the past alerts of the same kind with their
 * verdicts, another tenant's alerts never appear, and the kill switch turns it all off.
 */
@Timeout(240)
class SimilarAlertsEndToEndTest {

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

    private static Alert raise(TenantId tenant, String rule, String title, List<String> tags, MatchedField... matched) {
        Instant now = Instant.now();
        return alerts.record(new AlertCandidate(tenant, rule, title, RuleLevel.HIGH, tags, AlertKind.DETECTION, now, now,
                List.of(), List.of(matched), "group-" + (++group)));
    }

    private static Alert sshBruteForce(TenantId tenant, String host, String source) {
        return raise(tenant, "vigil-ssh-brute-force", "SSH brute force against " + host, List.of("attack.credential_access", "attack.t1110"),
                new MatchedField("host.name", host), new MatchedField("source.ip", source), new MatchedField("event.outcome", "failure"));
    }

    private static Alert lsassAccess(TenantId tenant, String host) {
        return raise(tenant, "vigil-lsass-access", "LSASS memory accessed by an unusual process", List.of("attack.credential_access", "attack.t1003.001"),
                new MatchedField("TargetImage", "C:\\Windows\\System32\\lsass.exe"), new MatchedField("host.name", host),
                new MatchedField("SourceImage", "C:\\Users\\Public\\procdump64.exe"));
    }

    /** An alert unlike the SSH and LSASS ones, for the tests that do not look at neighbours. */
    private static Alert dnsTunnel(String host) {
        return raise(CUSTOMER, "vigil-dns-tunnel", "Long random DNS labels suggest DNS tunnelling", List.of("attack.exfiltration"),
                new MatchedField("dns.question.name", "a9f3k2.tunnel.example"), new MatchedField("host.name", host));
    }

    private static void awaitIndexed(TenantId tenant, int atLeast) throws InterruptedException {
        AlertVectorStore store = vigil.context.getBean(AlertVectorStore.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (store.count(tenant) < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(store.count(tenant) >= atLeast, "indexed " + store.count(tenant) + " of " + atLeast + " alerts of " + tenant);
    }

    private static JsonNode similar(String id, String query) throws Exception {
        HttpResponse<String> r = vigil.get("/api/v1/alerts/" + id + "/similar" + query, "Bearer " + vigil.adminToken);
        assertEquals(200, r.statusCode(), r.body());
        return RunningAppliance.JSON.readTree(r.body());
    }

    @Test
    void findsPastAlertsOfTheSameKindWithTheirVerdictsAndNeverAnotherTenants() throws Exception {
        List<Alert> ssh = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ssh.add(sshBruteForce(CUSTOMER, "srv-" + i, "203.0.113." + (10 + i)));
        }
        Alert lsass = lsassAccess(CUSTOMER, "ws-7");
        alerts.close(CUSTOMER, ssh.get(0).id(), Verdict.TRUE_POSITIVE, null, "analyst", "analyst");
        alerts.close(CUSTOMER, ssh.get(1).id(), Verdict.BENIGN_POSITIVE, null, "analyst", "analyst");
        alerts.close(CUSTOMER, lsass.id(), Verdict.FALSE_POSITIVE, null, "analyst", "analyst");
        Alert fleetTwin = sshBruteForce(TenantId.FLEET, "srv-9", "203.0.113.99");
        Alert query = sshBruteForce(CUSTOMER, "srv-9", "203.0.113.99");
        awaitIndexed(CUSTOMER, 6);
        awaitIndexed(TenantId.FLEET, 1);

        JsonNode answer = similar(query.id(), "?k=10");
        assertTrue(answer.path("enabled").asBoolean(), answer.toString());
        List<String> ids = new ArrayList<>();
        answer.path("alerts").forEach(a -> ids.add(a.path("id").asText()));
        assertTrue(ids.size() >= 5, answer.toString());
        assertFalse(ids.contains(query.id()), "an alert is not its own neighbour: " + ids);
        assertFalse(ids.contains(fleetTwin.id()), "another tenant's identical alert never appears: " + ids);
        assertEquals(ssh.stream().map(Alert::id).sorted().toList(), ids.subList(0, 4).stream().sorted().toList(),
                "the four SSH brute-force alerts come before the LSASS one: " + answer);
        assertTrue(ids.indexOf(lsass.id()) > 3, "the LSASS alert comes after the SSH ones: " + answer);
        for (int i = 0; i < 4; i++) {
            assertTrue(answer.path("alerts").get(i).path("similarity").asDouble() >= SimilarAlerts.VERDICT_THRESHOLD, answer.toString());
        }
        assertTrue(answer.path("alerts").get(ids.indexOf(lsass.id())).path("similarity").asDouble() < SimilarAlerts.VERDICT_THRESHOLD,
                "an alert of another rule is below the verdict threshold: " + answer);
        JsonNode verdicts = answer.path("verdicts");
        assertEquals(List.of(2, 1, 1, 0), List.of(verdicts.path("similar").asInt(), verdicts.path("truePositives").asInt(),
                verdicts.path("benignPositives").asInt(), verdicts.path("falsePositives").asInt()), answer.toString());
        assertEquals(new SimilarVerdictSummary(2, 1, 1, 0),
                vigil.context.getBean(SimilarAlerts.class).summarise(CUSTOMER, query));

        JsonNode forFleet = RunningAppliance.JSON.valueToTree(
                vigil.context.getBean(SimilarAlerts.class).nearest(TenantId.FLEET, fleetTwin.id(), 10));
        assertEquals(0, forFleet.path("alerts").size(), "the fleet tenant has no other alert, however near the customer's are");
    }

    @Test
    void switchedOffSimilarityAnswersNoAlertsWithTheReason() throws Exception {
        Alert a = dnsTunnel("ws-off");
        HttpResponse<String> off = vigil.post("/api/v1/switches", "Bearer " + vigil.adminToken, "application/json",
                "{\"feature\":\"similar-alerts\",\"state\":\"off\",\"reason\":\"test\"}");
        assertEquals(200, off.statusCode(), off.body());
        try {
            JsonNode answer = similar(a.id(), "");
            assertFalse(answer.path("enabled").asBoolean());
            assertEquals(0, answer.path("alerts").size());
            assertTrue(answer.path("reason").asText().contains("no similar alerts are suggested"), answer.toString());
            assertEquals(0, answer.path("verdicts").path("similar").asInt());
            assertEquals(SimilarVerdictSummary.NONE, vigil.context.getBean(SimilarAlerts.class).summarise(CUSTOMER, a));
        } finally {
            HttpResponse<String> on = vigil.post("/api/v1/switches/clear", "Bearer " + vigil.adminToken, "application/json",
                    "{\"feature\":\"similar-alerts\",\"reason\":\"test\"}");
            assertEquals(200, on.statusCode(), on.body());
        }
    }

    @Test
    void unknownAlertsAnswer404AndAnImpossibleK400() throws Exception {
        assertEquals(404, vigil.get("/api/v1/alerts/A-NOSUCHALERT/similar", "Bearer " + vigil.adminToken).statusCode());
        Alert a = dnsTunnel("ws-k");
        HttpResponse<String> r = vigil.get("/api/v1/alerts/" + a.id() + "/similar?k=0", "Bearer " + vigil.adminToken);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("k must be between 1 and 50"), r.body());
    }
}
