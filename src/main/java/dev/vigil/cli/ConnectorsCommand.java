package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.ConnectorTester;
import dev.vigil.connectors.TestedRecord;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigil connectors list|test}: the installed connectors, and a dry run of one on a file. No appliance needed. */
@Command(name = "connectors", mixinStandardHelpOptions = true, description = "List connectors, or test one on a file.",
        subcommands = {ConnectorsCommand.ListConnectors.class, ConnectorsCommand.TestConnector.class})
public final class ConnectorsCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ConnectorRegistry registry(Path dir) {
        Path specs = dir != null ? dir : ServerOptions.defaultConnectorsDir();
        if (!Files.isDirectory(specs)) {
            throw new CliException("connector directory " + specs + " does not exist (pass --connectors-dir)", 2);
        }
        return ConnectorRegistry.load(specs);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the installed connectors.")
    static final class ListConnectors implements Callable<Integer> {
        @Option(names = "--connectors-dir", paramLabel = "DIR")
        Path dir;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            ConnectorRegistry registry = registry(dir);
            ArrayNode out = JSON.createArrayNode();
            for (String name : registry.names()) {
                Connector c = registry.get(name);
                if (json) {
                    out.addObject().put("name", name).put("description", c.description());
                } else {
                    System.out.println(Output.pad(name, 18) + c.description());
                }
            }
            if (json) {
                Output.json(out);
            }
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run a connector on a file and print each record's result, with line numbers for failures.")
    static final class TestConnector implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "FILE")
        Path file;
        @Option(names = "--connectors-dir", paramLabel = "DIR")
        Path dir;
        @Option(names = "--json", description = "Print JSON: one object per record.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            Connector connector = registry(dir).find(name).orElseThrow(() ->
                    new CliException("unknown connector '" + name + "'; see 'vigil connectors list'", 2));
            if (!Files.isRegularFile(file)) {
                throw new CliException("no such file: " + file, 2);
            }
            List<TestedRecord> results = new ConnectorTester(TenantId.of("test"), Instant.now())
                    .test(connector, Files.readString(file, StandardCharsets.UTF_8));
            int failures = 0;
            ArrayNode out = JSON.createArrayNode();
            for (TestedRecord r : results) {
                NormalizedEvent e = r.event();
                if (e.hasParseError()) {
                    failures++;
                }
                if (json) {
                    ObjectNode o = out.addObject().put("line", r.lineNumber()).put("timestamp", e.timestamp().toString());
                    o.put("parseError", e.parseError());
                    o.set("fields", JSON.valueToTree(e.fields()));
                } else if (e.hasParseError()) {
                    System.out.println("line " + r.lineNumber() + ": FAILED: " + e.parseError());
                } else {
                    System.out.println("line " + r.lineNumber() + ": ok  " + e.timestamp() + "  "
                            + Output.pad(String.valueOf(e.logSource().product()) + "/"
                            + (e.logSource().category() != null ? e.logSource().category() : e.logSource().service()), 28)
                            + " " + e.fields().size() + " fields");
                }
            }
            if (json) {
                Output.json(out);
            } else {
                System.out.println(results.size() + " records, " + (results.size() - failures) + " parsed, " + failures + " failed");
            }
            return failures == 0 ? 0 : 1;
        }
    }
}
