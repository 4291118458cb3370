package dev.vigil.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/rules} against a running appliance: add, list, show, disable, test, remove, and refusals. */
class RulesApiTest {

    private static final String ID = "0f6b1c2e-7a3d-4e5f-9a8b-1c2d3e4f5a6b";
    private static final String RULE = """
            title: Encoded PowerShell
            id: 0f6b1c2e-7a3d-4e5f-9a8b-1c2d3e4f5a6b
            logsource: {product: windows, category: process_creation}
            detection:
                selection:
                    Image|endswith: '\\\\powershell.exe'
                    CommandLine|contains|windash: ' -enc '
                condition: selection
            level: high
            tags: [attack.execution, attack.t1059.001]
            """;
    private static final String EVENT = """
            {"Event":{"System":{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"ws1","TimeCreated":{"#attributes":{"SystemTime":"2026-01-01T10:00:00Z"}}},"EventData":{"Image":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe","CommandLine":"powershell.exe /enc SQBFAFgA"}}}
            """;

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
        return response.body().isEmpty() ? null : RunningAppliance.JSON.readTree(response.body());
    }

    private String body(Object value) throws Exception {
        return RunningAppliance.JSON.writeValueAsString(value);
    }

    @Test
    void anAddedRuleIsListedShownDisabledAndRemoved() throws Exception {
        JsonNode added = json(appliance.post("/api/v1/rules", admin, "application/json",
                body(Map.of("name", "api/encoded.yml", "yaml", RULE))), 201);
        assertEquals("ENABLED", added.get(0).path("state").asText());
        JsonNode list = json(appliance.get("/api/v1/rules?q=" + ID, admin), 200);
        assertEquals(ID, list.path("rules").get(0).path("id").asText());
        JsonNode shown = json(appliance.get("/api/v1/rules/" + ID, admin), 200);
        assertTrue(shown.path("text").asText().contains("Encoded PowerShell"));
        JsonNode disabled = json(appliance.post("/api/v1/rules/" + ID + "/disable", admin, "application/json",
                body(Map.of("reason", "tuning"))), 200);
        assertEquals("DISABLED", disabled.path("state").asText());
        json(appliance.delete("/api/v1/rules/" + ID, admin), 204);
        json(appliance.get("/api/v1/rules/" + ID, admin), 404);
    }

    @Test
    void anInvalidRuleIsRefusedWith400NamingLineAndProblem() throws Exception {
        JsonNode error = json(appliance.post("/api/v1/rules", admin, "application/json",
                body(Map.of("name", "api/bad.yml", "yaml", RULE.replace("contains|windash", "contains|windsh").replace("0f6b1c2e", "1f6b1c2e")))), 400);
        String message = error.path("message").asText();
        assertTrue(message.contains("user/api/bad.yml:7") && message.contains("unknown modifier 'windsh'"), message);
    }

    @Test
    void aReadTokenCannotChangeRules() throws Exception {
        JsonNode created = json(appliance.post("/api/v1/tokens", admin, "application/json",
                body(Map.of("name", "reader", "scope", "READ"))), 201);
        String reader = "Bearer " + created.path("secret").asText();
        json(appliance.get("/api/v1/rules", reader), 200);
        json(appliance.post("/api/v1/rules", reader, "application/json", body(Map.of("name", "x.yml", "yaml", RULE))), 403);
    }

    @Test
    void testingARuleOnAPastedEventShowsWhatMatched() throws Exception {
        JsonNode report = json(appliance.post("/api/v1/rules/test", admin, "application/json",
                body(Map.of("yaml", RULE, "events", EVENT))), 200);
        assertEquals("windows-json", report.path("connector").asText());
        JsonNode hit = report.path("hits").get(0);
        assertEquals(ID, hit.path("ruleId").asText());
        assertTrue(hit.path("matched").toString().contains("powershell.exe /enc SQBFAFgA"), hit.toString());
    }
}
