package dev.vigil.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.VigilCommand;
import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import dev.vigil.tenancy.TenantId;
import dev.vigil.update.ContentFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kill switches and update bundles through a running appliance's API and the CLI, as an operator uses them. */
class SwitchesAndUpdatesEndToEndTest {

    @TempDir
    static Path dir;

    private static RunningAppliance appliance;

    @BeforeAll
    static void start() throws Exception {
        appliance = new RunningAppliance(dir.resolve("data"), Map.of());
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    private static String bearer() {
        return "Bearer " + appliance.adminToken;
    }

    @Test
    void aSwitchFlippedThroughTheApiIsInForceWithinOneSecond() throws Exception {
        KillSwitches switches = appliance.context.getBean(KillSwitches.class);
        TenantId tenant = TenantId.of("customer");
        assertTrue(switches.state(AiFeature.ANOMALY_SCORING, tenant).enabled());
        HttpResponse<String> r = appliance.post("/api/v1/switches", bearer(), "application/json",
                "{\"feature\":\"anomaly-scoring\",\"state\":\"off\",\"reason\":\"scores look wrong\"}");
        assertEquals(200, r.statusCode(), r.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (switches.state(AiFeature.ANOMALY_SCORING, tenant).enabled() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(switches.state(AiFeature.ANOMALY_SCORING, tenant).enabled());
        JsonNode state = RunningAppliance.JSON.readTree(appliance.get("/api/v1/switches/state?feature=anomaly-scoring", bearer()).body());
        assertEquals("RULES_ONLY_SEVERITY", state.path("fallback").asText());
    }

    @Test
    void turningAiBackOnNeedsAnAdminToken() throws Exception {
        HttpResponse<String> r = appliance.post("/api/v1/switches", "Bearer " + appliance.ingestToken, "application/json",
                "{\"feature\":\"similar-alerts\",\"state\":\"on\",\"reason\":\"x\"}");
        assertEquals(403, r.statusCode());
    }

    @Test
    void aDryRunThroughTheApiChangesNothing() throws Exception {
        HttpResponse<String> r = appliance.post("/api/v1/switches/test", bearer(), "application/json",
                "{\"feature\":\"similar-alerts\",\"state\":\"off\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode change = RunningAppliance.JSON.readTree(r.body());
        assertFalse(change.path("applied").asBoolean());
        assertEquals("similar-alerts", change.path("effects").path(0).path("feature").asText());
        assertTrue(appliance.context.getBean(KillSwitches.class).state(AiFeature.SIMILAR_ALERTS, TenantId.of("customer")).enabled());
    }

    @Test
    void aVendorBuildsWithTheCliAndTheOperatorVerifiesAndAppliesWithTheCli() throws Exception {
        Path keys = dir.resolve("keys");
        for (String k : new String[]{"root", "targets", "snapshot", "timestamp"}) {
            assertEquals(0, VigilCommand.execute("bundle", "keygen", k, "--dir", keys.toString()));
        }
        Path roots = dir.resolve("roots");
        assertEquals(0, VigilCommand.execute("bundle", "root", "--version", "1", "--root", keys.resolve("root.pub").toString(),
                "--targets", keys.resolve("targets.pub").toString(), "--snapshot", keys.resolve("snapshot.pub").toString(),
                "--timestamp", keys.resolve("timestamp.pub").toString(), "--out", roots.toString()));
        assertEquals(0, VigilCommand.execute("bundle", "sign", roots.resolve("1.root.json").toString(), "--key",
                keys.resolve("root.key").toString()));
        Files.createDirectories(appliance.dataDir.resolve("content"));
        Files.copy(roots.resolve("1.root.json"), appliance.dataDir.resolve("content/root.json"));
        Path content = new ContentFixture(dir.resolve("vendor")).content("content", ContentFixture.RULE);
        Path bundle = dir.resolve("vigil-content-1.zip");
        assertEquals(0, VigilCommand.execute("bundle", "build", "--content", content.toString(), "--roots", roots.toString(),
                "--version", "1", "--key", keys.resolve("targets.key").toString(), "--key", keys.resolve("snapshot.key").toString(),
                "--key", keys.resolve("timestamp.key").toString(), "--out", bundle.toString()));
        String data = appliance.dataDir.toString();
        assertEquals(0, VigilCommand.execute("update", "verify", bundle.toString(), "--data-dir", data));
        assertEquals(0, VigilCommand.execute("update", "apply", bundle.toString(), "--data-dir", data));
        assertEquals(1, VigilCommand.execute("update", "apply", bundle.toString(), "--data-dir", data), "a replay is refused");
        JsonNode history = RunningAppliance.JSON.readTree(appliance.get("/api/v1/updates/history", bearer()).body());
        assertEquals("apply", history.path(0).path("action").asText());
    }
}
