package dev.vigil.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.VigilCommand;
import dev.vigil.fleet.DataUseLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consent, data use and fleet status through the REST API and the CLI of a running appliance. */
class ConsentApiTest {

    @TempDir
    static Path data;
    private static RunningAppliance appliance;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        appliance = new RunningAppliance(data, Map.of());
        admin = "Bearer " + appliance.adminToken;
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    private JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return RunningAppliance.JSON.readTree(response.body());
    }

    private static String cli(int expectedExit, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = data.toString();
        return offline(expectedExit, all);
    }

    /** A command that needs no appliance and no data directory. */
    private static String offline(int expectedExit, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, VigilCommand.execute(args));
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void grantingAndWithdrawingOverRestChangesTheStateAndRecordsTheReason() throws Exception {
        JsonNode granted = json(appliance.post("/api/v1/consent/fleet-sharing/grant", admin, "application/json",
                "{\"reason\":\"board approval 12\"}"), 200);
        assertEquals("granted", granted.path("scopes").get(1).path("state").asText());
        JsonNode withdrawn = json(appliance.post("/api/v1/consent/fleet-sharing/withdraw", admin, "application/json",
                "{\"reason\":\"contract ended\"}"), 200);
        assertEquals("withdrawn", withdrawn.path("scopes").get(1).path("state").asText());
        JsonNode last = withdrawn.path("history").get(withdrawn.path("history").size() - 1);
        assertEquals("contract ended", last.path("reason").asText());
        assertEquals("withdrawn", last.path("state").asText());
    }

    @Test
    void anUnknownScopeIsA400NamingTheScopesAndAReadTokenCannotChangeConsent() throws Exception {
        JsonNode error = json(appliance.post("/api/v1/consent/marketing/grant", admin, "application/json", "{}"), 400);
        assertEquals("unknown consent scope 'marketing': use model-training or fleet-sharing", error.path("message").asText());
        JsonNode created = json(appliance.post("/api/v1/tokens", admin, "application/json",
                "{\"name\":\"consent-reader\",\"scope\":\"READ\"}"), 201);
        String reader = "Bearer " + created.path("secret").asText();
        json(appliance.get("/api/v1/consent", reader), 200);
        assertEquals(403, appliance.post("/api/v1/consent/model-training/grant", reader, "application/json", "{}").statusCode());
    }

    @Test
    void theDataUseReportOfAnUntouchedTenantSaysNothingWasUsed() throws Exception {
        JsonNode report = json(appliance.get("/api/v1/data-use", admin), 200);
        assertEquals(DataUseLedger.NOTHING_USED, report.path("summary").asText());
        assertEquals("customer", report.path("tenant").asText());
        assertTrue(cli(0, "data-use").contains(DataUseLedger.NOTHING_USED + "."));
    }

    @Test
    void fleetStatusSaysTheApplianceIsAFleetOfOneThatCannotPromote() throws Exception {
        JsonNode status = json(appliance.get("/api/v1/fleet/status", admin), 200);
        assertEquals(false, status.path("promotionPossible").asBoolean(true));
        assertEquals(1, status.path("customerTenants").asInt());
        String text = cli(0, "fleet", "status");
        assertEquals("fleet of one: 1 of 3 tenants", text.lines().findFirst().orElse(""), text);
    }

    @Test
    void theCliGrantsShowsAndWithdrawsModelTrainingConsent() {
        String granted = cli(0, "consent", "grant", "model-training", "--reason", "pilot");
        assertTrue(granted.lines().anyMatch(l -> l.startsWith("model-training") && l.contains("granted by token:cli")), granted);
        String withdrawn = cli(0, "consent", "withdraw", "model-training");
        assertTrue(withdrawn.lines().anyMatch(l -> l.startsWith("model-training") && l.contains("withdrawn by")), withdrawn);
        assertTrue(cli(0, "consent", "show").contains("policy in force 2026-1"));
        cli(1, "consent", "grant", "marketing");
    }

    @Test
    void anAssessorReportWrittenByTheCliVerifiesOfflineAndCitesTheConsentChange() throws Exception {
        cli(0, "consent", "grant", "model-training", "--reason", "assessor report");
        Path report = data.resolve("report.json");

        String wrote = cli(0, "audit", "report", "--from", "1h", "--out", report.toString());
        String key = wrote.lines().filter(l -> l.startsWith("Verify anywhere")).findFirst().orElseThrow()
                .replaceAll(".*--key '([^']+)'.*", "$1");
        String verified = offline(0, "audit", "verify-report", report.toString(), "--key", key);

        assertTrue(verified.startsWith("VALID"), verified);
        assertTrue(java.nio.file.Files.readString(report).contains("granted model-training consent under policy"),
                java.nio.file.Files.readString(report));
    }

    @Test
    void anAuditorReadsTheAssessorReportAndAnAnalystCannot() throws Exception {
        String analyst = "Bearer " + json(appliance.post("/api/v1/tokens", admin, "application/json",
                "{\"name\":\"triage-report\",\"scope\":\"ANALYST\"}"), 201).path("secret").asText();
        String auditor = "Bearer " + json(appliance.post("/api/v1/tokens", admin, "application/json",
                "{\"name\":\"assessor\",\"scope\":\"READ\"}"), 201).path("secret").asText();

        assertEquals(403, appliance.get("/api/v1/audit/report", analyst).statusCode());
        assertEquals("vigil-assessor-report/1", json(appliance.get("/api/v1/audit/report", auditor), 200).path("format").asText());
    }
}
