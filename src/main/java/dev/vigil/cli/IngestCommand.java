package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.Framed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vigil ingest FILE --connector NAME}: sends a file's records to the running appliance. The file is framed
 * here with the connector's framing (NDJSON, pretty-printed JSON documents and arrays, Zeek TSV with its headers,
 * plain lines) and sent in batches; each batch is acknowledged only once it is durable.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Send a log file to the running appliance through a connector.")
public final class IngestCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    DataDirOption data = new DataDirOption();

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to send (.gz is read compressed).")
    Path file;

    @Option(names = "--connector", required = true, paramLabel = "NAME", description = "The connector that parses it.")
    String connector;

    @Option(names = "--connectors-dir", paramLabel = "DIR", description = "Connector specs (default: the installed connectors/).")
    Path connectorsDir;

    @Option(names = "--batch", defaultValue = "5000", paramLabel = "N", description = "Records per request (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CliException("no such file: " + file, 2);
        }
        Path specs = connectorsDir != null ? connectorsDir : ServerOptions.defaultConnectorsDir();
        Connector c = ConnectorRegistry.load(specs).find(connector).orElseThrow(() -> new CliException(
                "unknown connector '" + connector + "'; see 'vigil connectors list'", 2));
        List<Framed> records = c.frameDocument(Files.readString(file, StandardCharsets.UTF_8));
        ApplianceClient client = ApplianceClient.forDataDir(data.dataDir());
        long sent = 0;
        for (int from = 0; from < records.size(); from += batch) {
            ObjectNode body = JSON.createObjectNode().put("connector", connector).put("source", file.getFileName().toString());
            ArrayNode array = body.putArray("records");
            records.subList(from, Math.min(records.size(), from + batch)).forEach(r -> array.add(r.payload()));
            sent += client.post("/api/v1/ingest/records", "application/json", body.toString()).path("accepted").asLong();
        }
        System.out.println("Sent " + sent + " records from " + file + " through " + connector + "; all acknowledged (durable).");
        return 0;
    }
}
