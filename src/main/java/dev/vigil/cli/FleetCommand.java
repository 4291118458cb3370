package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vigil fleet status|received|export}: whether fleet promotion is possible here, what the fleet tenant
 * received, and a STIX 2.1 bundle of what it promoted. All read-only, through the running appliance's API.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, description = "Fleet promotion: status, what was received, STIX export.",
        subcommands = {FleetCommand.Status.class, FleetCommand.Received.class, FleetCommand.Export.class})
public final class FleetCommand {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "One line saying whether promotion is possible (e.g. 'fleet of one: 1 of 3 tenants'); details with --verbose.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Option(names = {"-v", "--verbose"}, description = "Also print thresholds, cool-offs and decision counts.")
        boolean verbose;

        @Override
        public Integer call() {
            JsonNode status = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/fleet/status", Map.of());
            if (json) {
                Output.json(status);
                return 0;
            }
            System.out.println(status.path("explanation").asText());
            if (verbose) {
                System.out.println("customer tenants: " + status.path("customerTenants").asInt());
                System.out.println("thresholds N: " + status.path("minTenants") + " (floor " + status.path("floor").asInt() + ")");
                System.out.println("cool-off: " + status.path("coolOff") + " (floor " + status.path("coolOffFloor").asText() + ")");
                System.out.println("default marking: " + status.path("defaultTlp").asText());
                System.out.println("decisions: " + status.path("decisions"));
            }
            return 0;
        }
    }

    @Command(name = "received", mixinStandardHelpOptions = true,
            description = "What the fleet received: artefact type, hash, distinct consenting tenants (or 'fewer than N'), first sighting, decision.")
    static final class Received implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode received = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/fleet/received", Map.of());
            if (json) {
                Output.json(received);
                return 0;
            }
            System.out.println(received.path("fleet").asText());
            for (JsonNode a : received.path("artefacts")) {
                System.out.println(a.path("artefactType").asText() + "  " + a.path("artefactHash").asText() + "  tenants: "
                        + a.path("tenants").asText() + "  first seen " + a.path("firstSeen").asText() + "  "
                        + (a.path("decision").isMissingNode() || a.path("decision").isNull() ? "undecided"
                        : a.path("decision").asText() + " at " + a.path("decidedAt").asText()));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the promoted (not revoked) artefacts as a STIX 2.1 bundle.")
    static final class Export implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the bundle (JSON).")
        Path out;

        @Override
        public Integer call() {
            JsonNode bundle = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/fleet/export", Map.of());
            try {
                Files.writeString(out, bundle.toPrettyString() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            System.out.println("wrote " + bundle.path("objects").size() / 2 + " promoted artefact(s) to " + out);
            return 0;
        }
    }
}
