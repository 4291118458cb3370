package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil status}: what the running appliance is doing: listeners, ingest counters, spool, store. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the running appliance's status.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        JsonNode s = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/status", Map.of());
        if (json) {
            Output.json(s);
            return 0;
        }
        System.out.println("Vigil " + s.path("version").asText() + ", up " + s.path("uptime").asText()
                + ", tenant " + s.path("tenant").asText());
        System.out.println("API: " + s.path("httpUrl").asText());
        if (s.path("httpUrl").asText().startsWith("https:")) {
            try {
                System.out.println("HTTPS certificate SHA-256: " + java.nio.file.Files.readString(
                        dev.vigil.appliance.ConsoleCertificate.fingerprintFile(data.dataDir())).trim());
            } catch (java.io.IOException e) {
                System.out.println("HTTPS certificate SHA-256: unknown (" + e.getMessage() + ")");
            }
        }
        JsonNode store = s.path("store");
        System.out.println("Events stored: " + store.path("documents").asLong() + " in " + store.path("dayIndexes").asInt()
                + " day indexes (" + store.path("oldestDay").asText("-") + " .. " + store.path("newestDay").asText("-")
                + "), " + store.path("bytes").asLong() / (1024 * 1024) + " MiB");
        JsonNode pipeline = s.path("pipeline");
        System.out.println("Ingest: " + pipeline.path("indexed").asLong() + " indexed, "
                + pipeline.path("parseErrors").asLong() + " parse errors, spool depth "
                + pipeline.path("spoolDepth").asLong() + " records, index lag "
                + pipeline.path("indexLagMillis").asLong() + " ms");
        for (JsonNode l : s.path("listeners")) {
            System.out.println("  " + Output.pad(l.path("name").asText(), 28) + " received " + l.path("received").asLong()
                    + ", dropped " + l.path("dropped").asLong() + ", errors " + l.path("errors").asLong());
        }
        return 0;
    }
}
