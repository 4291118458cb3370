package dev.vigil.analyst.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A shipped triage model: {@code triage.onnx} and {@code manifest.json} (inputs, outputs, feature schema and its
 * hash, version, artifact SHA-256, training lineage, evaluation) in one directory.
 *
 * <p>Guarantees: {@link #load} returns the artifact only when its SHA-256 is the manifest's and the manifest's schema
 * hash is the one this code computes features for; otherwise it refuses, saying which check failed.
 */
public final class TriageManifest {

    public static final String ARTIFACT = "triage.onnx";
    public static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TriageManifest() {
    }

    /** A model read and checked from its directory. */
    public record Loaded(String version, String sha256, byte[] artifact, JsonNode manifest) {
    }

    /** Writes artifact and manifest; {@code lineage} and {@code evaluation} are JSON objects. */
    public static void write(Path dir, String version, byte[] artifact, ObjectNode lineage, ObjectNode evaluation) {
        FeatureSchema schema = FeatureSchema.CURRENT;
        ObjectNode m = JSON.createObjectNode().put("name", "triage").put("version", version)
                .put("artifact", ARTIFACT).put("artifactSha256", sha256(artifact));
        m.putArray("inputs").addObject().put("name", TriageModel.INPUT).put("type", "float32")
                .putArray("shape").add("batch").add(schema.size());
        m.putArray("outputs").addObject().put("name", TriageModel.OUTPUT).put("type", "float32")
                .put("meaning", "probability that the alert is a true positive").putArray("shape").add("batch").add(1);
        ObjectNode s = m.putObject("featureSchema").put("version", schema.version()).put("hash", schema.hash());
        schema.names().forEach(s.putArray("names")::add);
        m.set("lineage", lineage);
        m.set("evaluation", evaluation);
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(ARTIFACT), artifact);
            Files.writeString(dir.resolve(MANIFEST), JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the triage model to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static Loaded load(Path dir) {
        try {
            JsonNode m = JSON.readTree(Files.readString(dir.resolve(MANIFEST), StandardCharsets.UTF_8));
            byte[] artifact = Files.readAllBytes(dir.resolve(m.path("artifact").asText(ARTIFACT)));
            String actual = sha256(artifact);
            if (!actual.equals(m.path("artifactSha256").asText())) {
                throw new IllegalStateException("refusing the triage model in " + dir + ": the artifact's SHA-256 is "
                        + actual + " but the manifest says " + m.path("artifactSha256").asText());
            }
            String schemaHash = m.path("featureSchema").path("hash").asText();
            if (!schemaHash.equals(FeatureSchema.CURRENT.hash())) {
                throw new IllegalStateException("refusing the triage model in " + dir + ": it was trained on feature schema "
                        + schemaHash + ", this appliance computes " + FeatureSchema.CURRENT.hash());
            }
            return new Loaded(m.path("version").asText(), actual, artifact, m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the triage model in " + dir + ": " + e.getMessage(), e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
