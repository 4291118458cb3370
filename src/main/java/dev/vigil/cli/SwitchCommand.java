package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil switch list|set|clear|test}: the AI kill switches, through the running appliance. */
@Command(name = "switch", mixinStandardHelpOptions = true, description = "List, flip, clear and dry-run AI kill switches.",
        subcommands = {SwitchCommand.ListSwitches.class, SwitchCommand.Set.class, SwitchCommand.Clear.class, SwitchCommand.Test.class})
public final class SwitchCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a switch applies: the options every changing sub-command shares. */
    static final class Where {
        @Option(names = "--feature", description = "triage-model, anomaly-scoring, similar-alerts, feedback-learning, fleet-promotion (default: all).")
        String feature;
        @Option(names = "--tenant", description = "Only this appliance's tenant.")
        boolean tenant;
        @Option(names = "--site", description = "Only this site of the tenant.")
        String site;
        @Option(names = "--model-version", description = "Only this model version (fallback: the previous version).")
        String modelVersion;
        @Option(names = "--reason", required = true, description = "Why; recorded in the audit trail.")
        String reason;

        ObjectNode body(String state, boolean dryRun) {
            ObjectNode b = JSON.createObjectNode().put("feature", feature).put("tenant", tenant).put("site", site)
                    .put("modelVersion", modelVersion).put("reason", reason).put("dryRun", dryRun);
            return state == null ? b : b.put("state", state);
        }
    }

    static int post(DataDirOption data, String path, ObjectNode body, boolean json) {
        JsonNode change = ApplianceClient.forDataDir(data.dataDir()).post(path, "application/json", body.toString());
        if (json) {
            Output.json(change);
            return 0;
        }
        System.out.println((change.path("applied").asBoolean() ? "Changed " : "Would change ") + change.path("target").asText());
        if (change.path("effects").isEmpty()) {
            System.out.println("  no feature's decision changes");
        }
        for (JsonNode e : change.path("effects")) {
            System.out.println("  " + Output.pad(e.path("feature").asText(), 20) + Output.pad("tenant " + e.path("tenant").asText(), 20)
                    + Output.pad("site " + e.path("site").asText(), 14) + Output.pad("model " + e.path("modelVersion").asText(), 18)
                    + e.path("before").asText() + " -> " + e.path("after").asText() + ", in flight " + e.path("inFlight").asInt());
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Each feature's state for this tenant, and every setting.")
    static final class ListSwitches implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode list = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/switches", Map.of());
            if (json) {
                Output.json(list);
                return 0;
            }
            if (list.hasNonNull("storeError")) {
                System.out.println("SWITCH STORE ERROR: " + list.path("storeError").asText() + " (every feature is at its safe default)");
            }
            for (JsonNode f : list.path("features")) {
                System.out.println(Output.pad(f.path("feature").asText(), 20) + (f.path("enabled").asBoolean() ? "on           "
                        : "OFF -> " + Output.pad(f.path("fallback").asText(), 24)) + " (" + f.path("decidedBy").asText() + ")");
            }
            for (JsonNode s : list.path("settings")) {
                System.out.println("  " + Output.pad(s.path("target").asText(), 60) + Output.pad(s.path("enabled").asBoolean() ? "on" : "off", 5)
                        + s.path("actor").asText() + " " + s.path("at").asText() + ": " + s.path("reason").asText());
            }
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Turn AI on or off (off: the feature's fallback) at a scope.")
    static final class Set implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "on|off")
        String state;
        @Mixin
        Where where = new Where();
        @Option(names = "--dry-run", description = "Only show what would change.")
        boolean dryRun;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return post(data, "/api/v1/switches", where.body(state, dryRun), json);
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove a setting so wider ones apply again.")
    static final class Clear implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Mixin
        Where where = new Where();
        @Option(names = "--dry-run", description = "Only show what would change.")
        boolean dryRun;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return post(data, "/api/v1/switches/clear", where.body(null, dryRun), json);
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Dry-run a flip: which features, tenants and in-flight work it affects.")
    static final class Test implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "on|off")
        String state;
        @Mixin
        Where where = new Where();
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return post(data, "/api/v1/switches/test", where.body(state, true), json);
        }
    }
}
