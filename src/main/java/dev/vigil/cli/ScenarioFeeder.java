package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.Framed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Sends the files of a generated scenario (see {@code vigil simulate}) to a running appliance through its HTTP
 * collector, each file through the connector that reads its format, in acknowledged batches.
 */
final class ScenarioFeeder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 5000;

    private final ConnectorRegistry connectors;
    private final ApplianceClient client;

    ScenarioFeeder(ConnectorRegistry connectors, ApplianceClient client) {
        this.connectors = connectors;
        this.client = client;
    }

    /** The connector that reads a simulator output file, by its name; empty for labels and manifests. */
    static Optional<String> connectorFor(String fileName) {
        if (fileName.startsWith("windows-")) {
            return Optional.of("windows-json");
        }
        if (fileName.startsWith("linux-auth")) {
            return Optional.of("linux-auth");
        }
        if (fileName.startsWith("linux-auditd")) {
            return Optional.of("linux-auditd");
        }
        if (fileName.startsWith("suricata")) {
            return Optional.of("suricata-eve");
        }
        if (fileName.startsWith("zeek-")) {
            return Optional.of("zeek-json");
        }
        if (fileName.startsWith("aws-cloudtrail")) {
            return Optional.of("aws-cloudtrail");
        }
        return Optional.empty();
    }

    /** Feeds every recognised file; returns records sent per connector. */
    Map<String, Long> feed(Path scenario) throws IOException {
        Map<String, Long> sent = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(scenario)) {
            files = list.sorted().toList();
        }
        for (Path file : files) {
            Optional<String> name = connectorFor(file.getFileName().toString());
            if (name.isEmpty() || connectors.find(name.get()).isEmpty()) {
                continue;
            }
            Connector connector = connectors.get(name.get());
            List<Framed> records = connector.frameDocument(Files.readString(file, StandardCharsets.UTF_8));
            for (int from = 0; from < records.size(); from += BATCH) {
                ObjectNode body = JSON.createObjectNode().put("connector", connector.name())
                        .put("source", "demo:" + file.getFileName());
                ArrayNode array = body.putArray("records");
                records.subList(from, Math.min(records.size(), from + BATCH)).forEach(r -> array.add(r.payload()));
                long accepted = client.post("/api/v1/ingest/records", "application/json", body.toString())
                        .path("accepted").asLong();
                sent.merge(connector.name(), accepted, Long::sum);
            }
        }
        return sent;
    }
}
