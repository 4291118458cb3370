package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil fleet status}: the tenants the appliance holds and whether fleet promotion is possible at all. */
@Command(name = "fleet", mixinStandardHelpOptions = true, description = "Fleet promotion status.",
        subcommands = {FleetCommand.Status.class})
public final class FleetCommand {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the tenants, the promotion thresholds and whether promotion is possible.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode status = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/fleet/status", Map.of());
            if (json) {
                Output.json(status);
                return 0;
            }
            System.out.println(status.path("explanation").asText());
            System.out.println("tenants: " + String.join(", ", status.path("tenants").valueStream().map(JsonNode::asText).toList()));
            System.out.println("thresholds: " + status.path("minTenants") + " (floor " + status.path("floor").asInt()
                    + "), cool-off " + status.path("coolOff").asText());
            System.out.println("promotions ever: " + status.path("promotions").asLong());
            return 0;
        }
    }
}
