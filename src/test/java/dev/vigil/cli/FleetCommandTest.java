package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.appliance.RunningAppliance;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.Verdict;
import dev.vigil.fleet.ConsentScope;
import dev.vigil.fleet.ConsentService;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code vigil fleet status|received|export} and their API against a running appliance: a fleet of one. */
class FleetCommandTest {

    private static final TenantId TENANT = TenantId.of("customer");

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of());
        vigil.context.getBean(ConsentService.class).grant(TENANT, ConsentScope.FLEET_SHARING, null, "admin", "admin");
        AlertService alerts = vigil.context.getBean(AlertService.class);
        Instant now = Instant.now();
        String id = alerts.record(new AlertCandidate(TENANT, "fleet-cli", "Fleet CLI", RuleLevel.HIGH, List.of(),
                AlertKind.DETECTION, now, now, List.of(), List.of(new MatchedField("DestinationIp", "203.0.113.9")), "g")).id();
        alerts.close(TENANT, id, Verdict.TRUE_POSITIVE, "confirmed", "analyst-1", "analyst");
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    private String[] args(String... command) {
        String[] all = java.util.Arrays.copyOf(command, command.length + 2);
        all[command.length] = "--data-dir";
        all[command.length + 1] = vigil.dataDir.toString();
        return all;
    }

    @Test
    void statusPrintsExactlyOneLineSayingItIsAFleetOfOne() {
        assertEquals(0, VigilCommand.execute(args("fleet", "status")));
        assertEquals("fleet of one: 1 of 3 tenants\n", output.stdout());
    }

    @Test
    void verboseStatusStartsWithTheSameLineAndThenGivesTheThresholds() {
        assertEquals(0, VigilCommand.execute(args("fleet", "status", "--verbose")));
        List<String> lines = output.stdout().lines().toList();
        assertEquals("fleet of one: 1 of 3 tenants", lines.getFirst());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("cool-off: ") && l.contains("PT24H")), output.stdout());
    }

    @Test
    void receivedShowsTheHeldIndicatorWithoutATenantOrACountBelowN() throws Exception {
        assertEquals(0, VigilCommand.execute(args("fleet", "received", "--json")));
        JsonNode received = RunningAppliance.JSON.readTree(output.stdout());
        assertEquals("fleet of one: 1 of 3 tenants", received.path("fleet").asText());
        JsonNode artefact = received.path("artefacts").get(0);
        assertEquals("indicator-hash", artefact.path("artefactType").asText());
        assertEquals("fewer than 3", artefact.path("tenants").asText());
        assertEquals("HOLD", artefact.path("decision").asText());
        assertFalse(output.stdout().contains(TENANT.value()), output.stdout());
    }

    @Test
    void exportWritesAStixBundleWithNothingInItFromAFleetOfOne() throws Exception {
        Path out = tmp.resolve("fleet.stix.json");
        assertEquals(0, VigilCommand.execute(args("fleet", "export", "--out", out.toString())));
        JsonNode bundle = RunningAppliance.JSON.readTree(Files.readString(out));
        assertEquals("bundle", bundle.path("type").asText());
        assertEquals(0, bundle.path("objects").size());
        assertTrue(output.stdout().startsWith("wrote 0 promoted artefact(s) to "), output.stdout());
    }

    @Test
    void anAnalystTokenMayNotReadTheFleetsRecords() throws Exception {
        HttpResponse<String> created = vigil.post("/api/v1/tokens", "Bearer " + vigil.adminToken, "application/json",
                "{\"name\":\"fleet-analyst\",\"scope\":\"ANALYST\"}");
        String analyst = RunningAppliance.JSON.readTree(created.body()).path("secret").asText();
        assertEquals(403, vigil.get("/api/v1/fleet/received", "Bearer " + analyst).statusCode());
        assertEquals(403, vigil.get("/api/v1/fleet/export", "Bearer " + analyst).statusCode());
        assertEquals(200, vigil.get("/api/v1/fleet/export", "Bearer " + vigil.adminToken).statusCode());
    }
}
