package dev.vigil.analyst.incident;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.appliance.RunningAppliance;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.AlertStatus;
import dev.vigil.detect.alert.Verdict;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantKind;
import dev.vigil.tenancy.TenantRegistry;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts raised on a running appliance are grouped into incidents by shared entities, per tenant, and served. */
class IncidentEndToEndTest {

    private static final TenantId CUSTOMER = TenantId.of("customer");
    private static final TenantId OTHER = TenantId.of("other");
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;
    static AlertService alerts;
    static IncidentService incidents;

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of("vigil.audit.checkpoint-interval", "1h"));
        alerts = vigil.context.getBean(AlertService.class);
        incidents = vigil.context.getBean(IncidentService.class);
        vigil.context.getBean(TenantRegistry.class).ensure(OTHER, "Other", TenantKind.CUSTOMER);
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    private static Alert raise(TenantId tenant, String rule, String tactic, Instant at, String host, String user) {
        return alerts.record(new AlertCandidate(tenant, rule, rule.replace('-', ' '), RuleLevel.MEDIUM,
                List.of("attack." + tactic), AlertKind.DETECTION, at, at, List.of(),
                List.of(new MatchedField("host.name", host), new MatchedField("user.name", user)), host + "/" + user + "/" + rule));
    }

    @Test
    void anAttackAcrossOneHostBecomesOneIncidentWithAForwardChainAndAnUnrelatedAlertStaysApart() throws Exception {
        Alert access = raise(CUSTOMER, "e2e-valid-accounts", "initial_access", T, "ws-41", "mallory");
        Alert dump = raise(CUSTOMER, "e2e-lsass-dump", "credential_access", T.plusSeconds(900), "ws-41", "mallory");
        Alert move = raise(CUSTOMER, "e2e-psexec", "lateral_movement", T.plusSeconds(1800), "ws-41", "svc-deploy");
        Alert unrelated = raise(CUSTOMER, "e2e-psexec", "lateral_movement", T.plusSeconds(1900), "ws-99", "carol");

        String id = incidents.ofAlert(CUSTOMER, access.id()).orElseThrow().id();
        HttpResponse<String> r = vigil.get("/api/v1/incidents/" + id, "Bearer " + vigil.adminToken);

        assertEquals(200, r.statusCode(), r.body());
        JsonNode i = RunningAppliance.JSON.readTree(r.body());
        assertEquals(List.of(access.id(), dump.id(), move.id()),
                List.of(i.path("timeline").get(0).path("alertId").asText(), i.path("timeline").get(1).path("alertId").asText(),
                        i.path("timeline").get(2).path("alertId").asText()));
        assertEquals("Initial Access → Credential Access → Lateral Movement", i.path("chain").asText());
        assertTrue(i.path("scoreExplanation").asText().contains("moves forward 2 step(s)"), i.toString());
        assertNotEquals(id, incidents.ofAlert(CUSTOMER, unrelated.id()).orElseThrow().id());
    }

    @Test
    void anotherTenantsAlertOnTheSameHostNeverJoinsThisTenantsIncident() {
        Alert mine = raise(CUSTOMER, "e2e-tenant-a", "execution", T.plusSeconds(5000), "shared-host", "dave");
        Alert theirs = raise(OTHER, "e2e-tenant-b", "execution", T.plusSeconds(5001), "shared-host", "dave");

        IncidentView a = incidents.ofAlert(CUSTOMER, mine.id()).orElseThrow();
        IncidentView b = incidents.ofAlert(OTHER, theirs.id()).orElseThrow();

        assertNotEquals(a.id(), b.id());
        assertEquals(1, a.alertCount());
        assertTrue(incidents.ofAlert(OTHER, mine.id()).isEmpty());
        assertEquals(404, statusOf("/api/v1/incidents/" + b.id()));
    }

    @Test
    void closingAnIncidentGivesEveryOpenAlertTheVerdict() throws Exception {
        Alert one = raise(CUSTOMER, "e2e-close-1", "discovery", T.plusSeconds(9000), "ws-77", "erin");
        Alert two = raise(CUSTOMER, "e2e-close-2", "discovery", T.plusSeconds(9100), "ws-77", "erin");
        String id = incidents.ofAlert(CUSTOMER, one.id()).orElseThrow().id();

        HttpResponse<String> r = vigil.post("/api/v1/incidents/" + id + "/close", "Bearer " + vigil.adminToken,
                "application/json", "{\"verdict\":\"benign\",\"note\":\"IT inventory run\"}");

        assertEquals(200, r.statusCode(), r.body());
        for (Alert a : List.of(one, two)) {
            Alert after = vigil.context.getBean(dev.vigil.detect.alert.AlertRepository.class).findByTenantAndId(CUSTOMER, a.id()).orElseThrow();
            assertEquals(AlertStatus.CLOSED, after.status());
            assertEquals(Verdict.BENIGN_POSITIVE, after.verdict());
        }
        assertEquals(409, vigil.post("/api/v1/incidents/" + id + "/close", "Bearer " + vigil.adminToken,
                "application/json", "{\"verdict\":\"fp\"}").statusCode());
    }

    private static int statusOf(String path) {
        try {
            return vigil.get(path, "Bearer " + vigil.adminToken).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
