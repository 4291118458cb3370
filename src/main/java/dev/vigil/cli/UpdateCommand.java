package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil update verify|apply|history|rollback}: signed content bundles, through the running appliance. */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Verify, apply and roll back signed content bundles.",
        subcommands = {UpdateCommand.Verify.class, UpdateCommand.Apply.class, UpdateCommand.History.class,
                UpdateCommand.Rollback.class})
public final class UpdateCommand {

    static JsonNode send(DataDirOption data, String action, Path bundle) {
        if (!Files.isRegularFile(bundle)) {
            throw new CliException("no such bundle file: " + bundle, 2);
        }
        return ApplianceClient.forDataDir(data.dataDir()).postFile("/api/v1/updates/" + action, bundle);
    }

    static void print(JsonNode report, boolean json, String verb) {
        if (json) {
            Output.json(report);
            return;
        }
        System.out.println(verb + " bundle version " + report.path("version").asLong() + " (root version "
                + report.path("rootVersion").asInt() + (report.path("rootRotated").asBoolean() ? ", rotated" : "") + "), "
                + report.path("targets").size() + " targets, sha256 " + report.path("bundleSha256").asText());
        for (JsonNode t : report.path("targets")) {
            System.out.println("  " + Output.pad(t.path("type").asText(), 11) + Output.pad(t.path("name").asText(), 60)
                    + t.path("length").asLong() + " bytes");
        }
    }

    /** What verify and apply share: a bundle file sent to one endpoint, the answer printed. */
    abstract static class BundleAction implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "BUNDLE")
        Path bundle;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        abstract String action();

        abstract String verb();

        @Override
        public Integer call() {
            print(send(data, action(), bundle), json, verb());
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check a bundle's signatures, freshness, versions and hashes; changes nothing.")
    static final class Verify extends BundleAction {
        String action() {
            return "verify";
        }

        String verb() {
            return "Verified";
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Verify, stage, validate and atomically switch to a bundle's content.")
    static final class Apply extends BundleAction {
        String action() {
            return "apply";
        }

        String verb() {
            return "Applied";
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "List applied bundles and rollbacks.")
    static final class History implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode history = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/updates/history", Map.of());
            if (json) {
                Output.json(history);
                return 0;
            }
            for (JsonNode h : history) {
                System.out.println(Output.pad(h.path("time").asText(), 32) + Output.pad(h.path("action").asText(), 10)
                        + Output.pad("v" + h.path("version").asLong(), 10) + Output.pad(h.path("directory").asText(), 24)
                        + h.path("actor").asText());
            }
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Return to the previously installed content (never accepts an older bundle).")
    static final class Rollback implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Override
        public Integer call() {
            JsonNode h = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/updates/rollback", "application/json", "{}");
            System.out.println("Rolled back to " + h.path("directory").asText() + " (bundle version " + h.path("version").asLong() + ").");
            return 0;
        }
    }
}
