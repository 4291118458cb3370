package dev.vigil.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.audit.note.NoteVerifierKey;
import dev.vigil.audit.report.AssessorReport;
import dev.vigil.audit.report.AssessorReportVerifier;
import dev.vigil.audit.report.ReportLine;
import dev.vigil.cli.VigilCommand;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.fleet.ConsentScope;
import dev.vigil.fleet.DataUseLedger;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The assessor report of a running appliance, from real consent changes, verdicts closed over REST and a real
 * data-use record: what the lines say and that the report verifies offline with the log's key.
 */
class AssessorReportApiTest {

    private static final TenantId CUSTOMER = TenantId.of("customer");

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

    @Test
    void aWithdrawalShowsInTheConsentInForceOfLaterVerdictsAndTheReportVerifiesOffline() throws Exception {
        String from = Instant.now().minusMillis(1).toString();
        json(appliance.post("/api/v1/consent/model-training/grant", admin, "application/json", "{}"), 200);
        String first = closedAlert();
        appliance.context.getBean(DataUseLedger.class).record(CUSTOMER, "alert", first, ConsentScope.MODEL_TRAINING,
                "model:triage-report-test");
        json(appliance.post("/api/v1/consent/model-training/withdraw", admin, "application/json", "{}"), 200);
        String second = closedAlert();

        AssessorReport report = AssessorReport.parse(json(appliance.get("/api/v1/audit/report?from=" + from,
                token("READ")), 200).toString());

        assertEquals(Map.of("model-training", "granted"), lineAbout(report, "alert.close", first).consent());
        assertEquals("withdrawn", lineAbout(report, "alert.close", second).consent().get("model-training"));
        assertTrue(lineAbout(report, "alert.close", second).meaning().contains("model-training consent withdrawn"),
                lineAbout(report, "alert.close", second).meaning());
        assertTrue(report.lines().stream().anyMatch(l -> l.action().equals("data-use.record")
                        && l.meaning().startsWith("record alert/" + first + " used by model:triage-report-test for model-training")),
                report.toText());
        NoteVerifierKey key = NoteVerifierKey.parse(json(appliance.get("/api/v1/audit/key", admin), 200).path("key").asText());
        AssessorReportVerifier.Result verified = AssessorReportVerifier.verify(report, key);
        assertTrue(verified.valid(), verified.problems().toString());
    }

    @Test
    void theTenantComesFromTheTokenNotTheRequest() throws Exception {
        HttpResponse<String> other = appliance.get("/api/v1/audit/report?tenant=globex", token("READ"));

        assertEquals(403, other.statusCode(), other.body());
        assertTrue(other.body().contains("cannot read the data-use report of tenant globex"), other.body());
        assertEquals("customer", json(appliance.get("/api/v1/audit/report", admin), 200).path("tenant").asText());
    }

    @Test
    void analystsAndIngestTokensCannotReadTheReport() throws Exception {
        assertEquals(403, appliance.get("/api/v1/audit/report", token("ANALYST")).statusCode());
        assertEquals(403, appliance.get("/api/v1/audit/report", "Bearer " + appliance.ingestToken).statusCode());
        assertEquals(401, appliance.get("/api/v1/audit/report", null).statusCode());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsA400() throws Exception {
        HttpResponse<String> r = appliance.get("/api/v1/audit/report?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", admin);

        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("the report range is empty"), r.body());
    }

    @Test
    void theCliWritesTheTextFormToAFileWhenAsked() throws Exception {
        Path file = data.resolve("report.txt");

        assertEquals(0, VigilCommand.execute("audit", "report", "--format", "text", "--out", file.toString(),
                "--data-dir", data.toString()));

        assertTrue(Files.readString(file).startsWith("Data-use report for tenant customer, "), Files.readString(file));
    }

    private String closedAlert() throws Exception {
        Instant now = Instant.now();
        String id = appliance.context.getBean(AlertService.class).record(new AlertCandidate(CUSTOMER, "report-rule",
                "Report", RuleLevel.HIGH, List.of(), AlertKind.DETECTION, now, now, List.of(), List.of(),
                "report-" + UUID.randomUUID())).id();
        json(appliance.post("/api/v1/alerts/" + id + "/close", admin, "application/json", "{\"verdict\":\"tp\"}"), 200);
        return id;
    }

    private String token(String scope) throws Exception {
        return "Bearer " + json(appliance.post("/api/v1/tokens", admin, "application/json",
                "{\"name\":\"report-" + UUID.randomUUID() + "\",\"scope\":\"" + scope + "\"}"), 201).path("secret").asText();
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return RunningAppliance.JSON.readTree(response.body());
    }

    private static ReportLine lineAbout(AssessorReport report, String action, String object) {
        return report.lines().stream().filter(l -> l.action().equals(action) && l.object().equals(object)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " line for " + object + " in\n" + report.toText()));
    }
}
