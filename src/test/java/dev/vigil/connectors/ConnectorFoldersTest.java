package dev.vigil.connectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs every connector folder ({@code connectors/<name>/}): its {@code sample} through the real connector framework,
 * compared record for record with {@code expected.json}. A new folder is checked without touching this class. Run with
 * {@code -Dvigil.connectors.write-expected=true} to rewrite expected.json after a deliberate change (then review the diff).
 */
class ConnectorFoldersTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path CONNECTORS = Path.of("connectors");
    private static final ConnectorRegistry REGISTRY = ConnectorRegistry.load(CONNECTORS);

    static Stream<String> folders() {
        return REGISTRY.names().stream();
    }

    @ParameterizedTest
    @MethodSource("folders")
    void sampleNormalisesToExpected(String name) throws IOException {
        Path folder = CONNECTORS.resolve(name);
        ObjectNode expected = (ObjectNode) JSON.readTree(folder.resolve("expected.json").toFile());
        Instant receivedAt = Instant.parse(expected.get("received_at").asText());
        String sample = Files.readString(folder.resolve("sample"), StandardCharsets.UTF_8);
        List<TestedRecord> records = new ConnectorTester(TenantId.of("test"), receivedAt).test(REGISTRY.get(name), sample);
        ArrayNode actual = SampleRendering.render(records);
        if (Boolean.getBoolean("vigil.connectors.write-expected")) {
            expected.set("events", actual);
            JSON.writeValue(folder.resolve("expected.json").toFile(), expected);
        }
        assertEquals(JSON.writeValueAsString(expected.get("events")), JSON.writeValueAsString(actual));
    }
}
