package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.rules.RuleTester;
import dev.vigil.detect.sigma.EngineOptions;
import dev.vigil.detect.sigma.RuleSource;
import dev.vigil.detect.sigma.RuleStatus;
import dev.vigil.detect.DetectionContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code vigil rules list|show|enable|disable|add|import|remove} operate the running appliance's rules;
 * {@code vigil rules lint|test} work on files alone, with no appliance.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Manage, lint and test Sigma detection rules.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.ShowRule.class, RulesCommand.EnableRule.class,
                RulesCommand.DisableRule.class, RulesCommand.AddRule.class, RulesCommand.ImportRules.class,
                RulesCommand.RemoveRule.class, RulesCommand.LintRules.class, RulesCommand.TestRules.class})
public final class RulesCommand {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List rules with their state; --unsupported lists those not loaded, with the reason.")
    static final class ListRules implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--unsupported", description = "Only rules that did not load (unsupported or invalid), each with its reason.")
        boolean unsupported;
        @Option(names = "--state", description = "Only rules in this state: enabled, disabled, unsupported, invalid.")
        String state;
        @Option(names = "--search", description = "Only rules whose title, id or tags contain this text.")
        String search;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            Map<String, String> query = new java.util.LinkedHashMap<>();
            if (state != null) {
                query.put("state", state);
            }
            if (search != null) {
                query.put("q", search);
            }
            JsonNode answer = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/rules", query);
            List<JsonNode> rules = new ArrayList<>();
            answer.path("rules").forEach(r -> {
                boolean loaded = r.path("state").asText().equals("ENABLED") || r.path("state").asText().equals("DISABLED");
                if (!unsupported || !loaded) {
                    rules.add(r);
                }
            });
            if (json) {
                Output.json(JSON.valueToTree(rules));
                return 0;
            }
            for (JsonNode r : rules) {
                System.out.println(Output.pad(r.path("state").asText().toLowerCase(), 12) + Output.pad(r.path("level").asText("-"), 14)
                        + Output.pad(r.path("kind").asText().toLowerCase(), 12) + Output.pad(r.path("id").asText(), 38) + r.path("title").asText());
                if (unsupported) {
                    System.out.println("    " + r.path("reason").asText());
                }
            }
            System.out.println(rules.size() + " shown; " + answer.path("total").asInt() + " in all " + answer.path("byState"));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one rule: state, reason and its text.")
    static final class ShowRule implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "RULE_ID")
        String id;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode rule = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/rules/" + encode(id), Map.of());
            if (json) {
                Output.json(rule);
                return 0;
            }
            JsonNode s = rule.path("status");
            System.out.println(s.path("title").asText() + "  [" + s.path("state").asText().toLowerCase() + "]");
            System.out.println("id: " + s.path("id").asText() + "   level: " + s.path("level").asText("-") + "   log source: "
                    + s.path("logSource").asText() + "   from: " + s.path("origin").asText());
            if (s.hasNonNull("reason")) {
                System.out.println("reason: " + s.path("reason").asText());
            }
            System.out.println("tags: " + s.path("tags"));
            System.out.println();
            System.out.println(rule.path("text").asText());
            return 0;
        }
    }

    /** What enable and disable share: the rule id, the reason, the call. */
    abstract static class Toggle implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "RULE_ID")
        String id;
        @Option(names = "--reason", description = "Why (kept in the audit chain).")
        String reason;

        abstract String verb();

        @Override
        public Integer call() {
            return toggle(data, id, verb(), reason);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Switch a rule or filter on.")
    static final class EnableRule extends Toggle {
        @Override
        String verb() {
            return "enable";
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Switch a rule or filter off (factory and bundle rules too).")
    static final class DisableRule extends Toggle {
        @Override
        String verb() {
            return "disable";
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add (or replace) a rule or filter file; refused if it is not valid Sigma.")
    static final class AddRule implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Option(names = "--name", description = "Name to keep it under (default: the file name).")
        String name;

        @Override
        public Integer call() {
            String body = JSON.createObjectNode().put("name", name != null ? name : file.getFileName().toString())
                    .put("yaml", read(file)).toString();
            JsonNode added = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/rules", "application/json", body);
            added.forEach(r -> System.out.println("Added " + r.path("kind").asText().toLowerCase() + " " + r.path("id").asText()
                    + " (" + r.path("title").asText() + "): " + r.path("state").asText().toLowerCase()
                    + (r.hasNonNull("reason") ? " - " + r.path("reason").asText() : "")));
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import every .yml under a directory on the appliance (e.g. the SigmaHQ rules).")
    static final class ImportRules implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "DIR")
        Path directory;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            String body = JSON.createObjectNode().put("directory", directory.toAbsolutePath().toString()).toString();
            JsonNode report = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/rules/import", "application/json", body);
            if (json) {
                Output.json(report);
                return 0;
            }
            System.out.println("Imported " + directory + ": " + report.path("added").asInt() + " added, " + report.path("updated").asInt()
                    + " updated, " + report.path("unchanged").asInt() + " unchanged, " + report.path("rejected").size() + " rejected.");
            report.path("rejected").forEach(r -> System.out.println("  rejected: " + r.asText()));
            return report.path("rejected").isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a rule file you added (factory rules can only be disabled).")
    static final class RemoveRule implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "RULE_ID")
        String id;

        @Override
        public Integer call() {
            ApplianceClient.forDataDir(data.dataDir()).delete("/api/v1/rules/" + encode(id));
            System.out.println("Removed " + id + ".");
            return 0;
        }
    }

    @Command(name = "lint", mixinStandardHelpOptions = true, description = "Check rule files without an appliance; exits 1 if any is invalid.")
    static final class LintRules implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RULE_OR_DIR")
        Path path;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            List<RuleStatus> statuses = DetectionContent.compile(sources(path), EngineOptions.DEFAULTS).statuses();
            long invalid = statuses.stream().filter(s -> s.state() == RuleStatus.State.INVALID).count();
            long unsupported = statuses.stream().filter(s -> s.state() == RuleStatus.State.UNSUPPORTED).count();
            if (json) {
                Output.json(JSON.valueToTree(statuses));
            } else {
                for (RuleStatus s : statuses) {
                    if (!s.enabled()) {
                        System.out.println(s.state().name().toLowerCase() + ": " + s.reason());
                    }
                }
                System.out.println(statuses.size() + " rules: " + (statuses.size() - invalid - unsupported) + " ok, "
                        + unsupported + " unsupported, " + invalid + " invalid");
            }
            return invalid == 0 ? 0 : 1;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Run rules over an events file without an appliance and show what fires.")
    static final class TestRules implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RULE_OR_DIR")
        Path rules;
        @Parameters(index = "1", paramLabel = "EVENTS_FILE")
        Path events;
        @Option(names = "--connector", description = "Connector that reads the events (default: guessed from the first event).")
        String connector;
        @Option(names = "--connectors-dir", description = "Connector specs (default: the installed ones).")
        Path connectorsDir;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            Path specs = connectorsDir != null ? connectorsDir : ServerOptions.defaultConnectorsDir();
            RuleTester.Report report;
            try {
                report = new RuleTester(ConnectorRegistry.load(specs)).test(sources(rules), read(events), connector);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            if (json) {
                Output.json(JSON.valueToTree(report));
                return 0;
            }
            report.rules().stream().filter(s -> !s.enabled()).forEach(s -> System.out.println(s.state().name().toLowerCase() + ": " + s.reason()));
            for (RuleTester.Hit hit : report.hits()) {
                System.out.println("event at line " + hit.line() + ": " + hit.level() + " " + hit.title() + " (" + hit.ruleId() + ")");
                for (MatchedField field : hit.matched()) {
                    System.out.println("    " + field.field() + " = " + field.value());
                }
            }
            System.out.println(report.events() + " events read with " + report.connector() + "; " + report.hits().size() + " matches");
            return 0;
        }
    }

    private static int toggle(DataDirOption data, String id, String verb, String reason) {
        String body = JSON.createObjectNode().put("reason", reason).toString();
        JsonNode status = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/rules/" + encode(id) + "/" + verb, "application/json", body);
        System.out.println(status.path("title").asText() + " (" + id + ") is now " + status.path("state").asText().toLowerCase() + ".");
        return 0;
    }

    static List<RuleSource> sources(Path path) {
        if (!Files.exists(path)) {
            throw new CliException(path + " does not exist");
        }
        if (Files.isRegularFile(path)) {
            return List.of(new RuleSource(path.toString(), read(path)));
        }
        try (Stream<Path> files = Files.walk(path)) {
            List<RuleSource> sources = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList()) {
                sources.add(new RuleSource(file.toString(), read(file)));
            }
            if (sources.isEmpty()) {
                throw new CliException("no .yml rule files under " + path);
            }
            return sources;
        } catch (IOException e) {
            throw new CliException("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
