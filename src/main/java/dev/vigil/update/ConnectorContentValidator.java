package dev.vigil.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.ConnectorSpecException;
import dev.vigil.connectors.ConnectorTester;
import dev.vigil.connectors.SampleRendering;
import dev.vigil.tenancy.TenantId;
import dev.vigil.update.tuf.TargetFile;
import dev.vigil.update.tuf.TargetType;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Connector specs: every {@code connectors/<name>/connector.yaml} of the bundle loads and compiles, and its
 * {@code sample} normalises record for record to its {@code expected.json}, exactly as the connector folder tests do.
 */
@Singleton
public class ConnectorContentValidator implements ContentValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public TargetType type() {
        return TargetType.CONNECTORS;
    }

    @Override
    public List<ContentProblem> validate(Path contentRoot, List<TargetFile> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        Path dir = contentRoot.resolve("connectors");
        ConnectorRegistry registry;
        try {
            registry = ConnectorRegistry.load(dir);
        } catch (ConnectorSpecException e) {
            String file = contentRoot.toAbsolutePath().normalize().relativize(e.file().toAbsolutePath().normalize()).toString().replace('\\', '/');
            String message = e.getMessage();
            return List.of(new ContentProblem(file, e.line(), message.substring(message.indexOf(": ") + 2)));
        } catch (RuntimeException e) {
            return List.of(new ContentProblem("connectors/", 0, "connectors do not load: " + e.getMessage()));
        }
        List<ContentProblem> problems = new ArrayList<>();
        for (TargetFile f : files) {
            String[] parts = f.name().split("/");
            if (parts.length != 3 || !List.of("connector.yaml", "sample", "expected.json").contains(parts[2])) {
                problems.add(new ContentProblem(f.name(), 0, "a connector folder holds only connector.yaml, sample and expected.json"));
            }
        }
        for (String name : registry.names()) {
            problems.addAll(checkSample(dir.resolve(name), name, registry));
        }
        return problems;
    }

    private static List<ContentProblem> checkSample(Path folder, String name, ConnectorRegistry registry) {
        String base = "connectors/" + name + "/";
        try {
            if (!Files.isRegularFile(folder.resolve("sample")) || !Files.isRegularFile(folder.resolve("expected.json"))) {
                return List.of(new ContentProblem(base + "connector.yaml", 0, "a connector needs a sample and its expected.json"));
            }
            JsonNode expected = JSON.readTree(folder.resolve("expected.json").toFile());
            Instant receivedAt = Instant.parse(expected.path("received_at").asText());
            String sample = Files.readString(folder.resolve("sample"), StandardCharsets.UTF_8);
            var actual = SampleRendering.render(new ConnectorTester(TenantId.of("test"), receivedAt).test(registry.get(name), sample));
            JsonNode want = expected.path("events");
            for (int i = 0; i < Math.max(want.size(), actual.size()); i++) {
                String w = i < want.size() ? JSON.writeValueAsString(want.get(i)) : "(nothing)";
                String a = i < actual.size() ? JSON.writeValueAsString(actual.get(i)) : "(nothing)";
                if (!w.equals(a)) {
                    int line = i < actual.size() ? actual.get(i).path("line").asInt() : 0;
                    return List.of(new ContentProblem(base + "sample", line, "record " + (i + 1)
                            + " normalises to " + a + " but expected.json says " + w));
                }
            }
            return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(new ContentProblem(base + "expected.json", 0, "cannot be checked: " + e.getMessage()));
        }
    }
}
