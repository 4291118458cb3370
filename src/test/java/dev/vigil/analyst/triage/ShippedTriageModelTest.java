package dev.vigil.analyst.triage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.VigilCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped factory model is what the pipeline produces, loads with its manifest, and is refused when altered. */
class ShippedTriageModelTest {

    private static final Path SHIPPED = Path.of("appliance/models/triage");

    @TempDir
    Path tmp;

    @Test
    void rerunningThePipelineReproducesTheShippedModelByteForByte() throws Exception {
        Path out = tmp.resolve("triage");
        assertEquals(0, VigilCommand.execute("model", "train", "--factory", "--out", out.toString()));

        assertArrayEquals(Files.readAllBytes(SHIPPED.resolve("triage.onnx")), Files.readAllBytes(out.resolve("triage.onnx")));
        JsonNode shipped = RunningJson.read(SHIPPED.resolve("manifest.json"));
        JsonNode rerun = RunningJson.read(out.resolve("manifest.json"));
        assertEquals(shipped.path("evaluation"), rerun.path("evaluation"));
        assertEquals(shipped.path("artifactSha256"), rerun.path("artifactSha256"));
    }

    @Test
    void theShippedModelLoadsAndBeatsRuleLevelOnItsHeldOutSimulation() {
        TriageManifest.Loaded m = TriageManifest.load(SHIPPED);
        JsonNode eval = m.manifest().path("evaluation");
        assertTrue(eval.path("model").path("falsePositivesAt95Recall").asInt()
                < eval.path("ruleLevelOnly").path("falsePositivesAt95Recall").asInt(), eval.toString());
        assertEquals(FeatureSchema.CURRENT.hash(), m.manifest().path("featureSchema").path("hash").asText());
    }

    @Test
    void anAlteredArtifactIsRefusedAtLoad() throws Exception {
        Path copy = tmp.resolve("altered");
        Files.createDirectories(copy);
        Files.copy(SHIPPED.resolve("manifest.json"), copy.resolve("manifest.json"));
        byte[] artifact = Files.readAllBytes(SHIPPED.resolve("triage.onnx"));
        artifact[artifact.length - 5] ^= 1;
        Files.write(copy.resolve("triage.onnx"), artifact);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TriageManifest.load(copy));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertTrue(new TriageModels(copy).current().isEmpty());
        assertTrue(new TriageModels(copy).unavailable().contains("refused"), new TriageModels(copy).unavailable());
    }

    @Test
    void aModelForAnotherFeatureSchemaIsRefusedAtLoad() throws Exception {
        Path copy = tmp.resolve("other-schema");
        Files.createDirectories(copy);
        Files.copy(SHIPPED.resolve("triage.onnx"), copy.resolve("triage.onnx"));
        Files.writeString(copy.resolve("manifest.json"), Files.readString(SHIPPED.resolve("manifest.json"))
                .replace(FeatureSchema.CURRENT.hash(), "0".repeat(64)));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TriageManifest.load(copy));
        assertTrue(e.getMessage().contains("feature schema"), e.getMessage());
    }

    /** Reads JSON files. */
    private static final class RunningJson {
        static JsonNode read(Path file) throws Exception {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(file));
        }
    }
}
