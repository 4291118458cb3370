package dev.vigil.cli;

import dev.vigil.analyst.triage.FactoryTraining;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.detect.DetectionContent;
import dev.vigil.detect.rules.RuleLibrary;
import dev.vigil.detect.sigma.EngineOptions;
import dev.vigil.detect.sigma.RuleSource;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code vigil model list|show|train|evaluate|promote|rollback|lineage}: the tenant's triage model registry on the
 * running appliance, plus two offline pipelines: {@code train --factory} (the shipped model) and
 * {@code evaluate --scenario SEED} (the feedback-learning acceptance scenario).
 */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Triage models: the registry, training, evaluation.",
        subcommands = {ModelCommand.Train.class, ModelCommand.ListVersions.class, ModelCommand.Show.class,
                ModelCommand.Lineage.class, ModelCommand.Evaluate.class, ModelCommand.Promote.class,
                ModelCommand.Rollback.class})
public final class ModelCommand {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train a challenger from this tenant's verdicts on the running appliance, compare it with the",
                    "champion on the latest verdicts held out, and promote it only past the gate (admin).",
                    "--factory: train the factory triage model from simulated, labelled estates run through the",
                    "factory rules (offline, no appliance), evaluate it on a held-out simulation, and write triage.onnx",
                    "and manifest.json. Equal options give byte-identical output."})
    static final class Train implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--factory", description = "Train the factory model offline instead.")
        boolean factory;
        @Option(names = "--no-promote", description = "Register a passing challenger without promoting it.")
        boolean noPromote;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Option(names = "--out", paramLabel = "DIR", description = "Where to write the model (default: appliance/models/triage).")
        Path out = Path.of("appliance/models/triage");
        @Option(names = "--seed", description = "First training seed (default 1); evaluation uses seed + 1000.")
        long seed = 1;
        @Option(names = "--runs", description = "Simulated estates to train on (default 3).")
        int runs = 3;
        @Option(names = "--hosts", description = "Hosts per estate (default 20).")
        int hosts = 20;
        @Option(names = "--hours", description = "Simulated hours per estate (default 48).")
        int hours = 48;
        @Option(names = "--model-version", paramLabel = "V", description = "Version written into the manifest (default factory-1).")
        String version = "factory-1";
        @Option(names = "--connectors-dir", paramLabel = "DIR", description = "Connector specs (default: connectors).")
        Path connectorsDir = Path.of("connectors");
        @Option(names = "--rules-dir", paramLabel = "DIR", description = "Factory Sigma rules (default: appliance/rules).")
        Path rulesDir = Path.of("appliance/rules");

        @Override
        public Integer call() throws Exception {
            if (!factory) {
                JsonNode r = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/models/train", "application/json",
                        JSON.createObjectNode().put("promote", !noPromote).toString());
                if (json) {
                    Output.json(r);
                    return 0;
                }
                System.out.printf(Locale.ROOT, "trained %s on %d verdicts, tested on the latest %d (%d not usable)%n",
                        r.path("version").path("label").asText(), r.path("train").asInt(), r.path("heldOut").asInt(),
                        r.path("skipped").asInt());
                printMetrics("challenger", r.path("challenger"));
                printMetrics("champion " + r.path("champion").asText(), r.path("championMetrics"));
                System.out.println(r.path("gate").asText());
                System.out.println(r.path("promoted").asBoolean() ? r.path("version").path("label").asText() + " is now the champion"
                        : r.path("passedGate").asBoolean() ? "kept without promotion (--no-promote); promote with vigil model promote"
                        : "kept, not promoted; " + r.path("champion").asText() + " stays champion");
                return 0;
            }
            if (!Files.isDirectory(connectorsDir) || !Files.isDirectory(rulesDir)) {
                throw new CliException("need the connector specs and factory rules: no directory "
                        + (Files.isDirectory(connectorsDir) ? rulesDir : connectorsDir) + " (see --connectors-dir, --rules-dir)", 2);
            }
            List<RuleSource> sources = RuleLibrary.factoryRules(rulesDir);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleSource s : sources) {
                digest.update((s.origin() + "\n" + s.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            FactoryTraining.Result r = FactoryTraining.writeTo(out,
                    new FactoryTraining.Options(seed, runs, hosts, Duration.ofHours(hours), version,
                            new VigilVersion().getVersion()[0]),
                    ConnectorRegistry.load(connectorsDir), DetectionContent.compile(sources, EngineOptions.DEFAULTS),
                    HexFormat.of().formatHex(digest.digest()), List.of("host.name|Computer", "user.name|User"),
                    Duration.ofMinutes(10));
            System.out.printf(Locale.ROOT, "trained on %d alerts (%d true positives) from %d simulated estates%n",
                    r.training().alerts(), r.training().truePositives(), runs);
            System.out.printf(Locale.ROOT, "held-out simulation: %d alerts, %d true positives%n",
                    r.evaluation().alerts(), r.evaluation().truePositives());
            System.out.printf(Locale.ROOT, "  model:           AUC %.3f, false positives at 95%% recall %d%n",
                    r.evaluation().auc(), r.evaluation().fpAtRecall95());
            System.out.printf(Locale.ROOT, "  rule level only: AUC %.3f, false positives at 95%% recall %d%n",
                    r.ruleLevelOnly().auc(), r.ruleLevelOnly().fpAtRecall95());
            System.out.println("wrote " + out.resolve("triage.onnx") + " and " + out.resolve("manifest.json"));
            return 0;
        }
    }

    static void printMetrics(String who, JsonNode m) {
        System.out.printf(Locale.ROOT, "  %-22s AUC %s, false positives before 95%% recall %d, Brier %s%n", who + ":",
                m.path("auc").isNumber() ? String.format(Locale.ROOT, "%.3f", m.path("auc").asDouble()) : "n/a",
                m.path("falsePositivesAt95Recall").asInt(),
                m.path("brier").isNumber() ? String.format(Locale.ROOT, "%.3f", m.path("brier").asDouble()) : "n/a");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "This tenant's model versions, newest first, with aliases.")
    static final class ListVersions implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode r = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/models", java.util.Map.of());
            if (json) {
                Output.json(r);
                return 0;
            }
            if (r.path("versions").isEmpty()) {
                System.out.println("no versions yet: the shipped factory model is in force; vigil model train trains the first challenger");
                return 0;
            }
            java.util.Map<String, String> aliasOf = new java.util.HashMap<>();
            r.path("aliases").properties().forEach(e -> aliasOf.merge(e.getValue().asText(), e.getKey(), (a, b) -> a + "," + b));
            System.out.println(Output.pad("VERSION", 22) + Output.pad("ALIAS", 18) + Output.pad("STATUS", 10)
                    + Output.pad("AUC", 7) + Output.pad("FP@95", 7) + "CREATED");
            for (JsonNode v : r.path("versions")) {
                JsonNode m = v.path("metrics").path("challenger");
                System.out.println(Output.pad(v.path("label").asText(), 22) + Output.pad(aliasOf.getOrDefault(v.path("label").asText(), ""), 18)
                        + Output.pad(v.path("status").asText(), 10)
                        + Output.pad(m.path("auc").isNumber() ? String.format(Locale.ROOT, "%.3f", m.path("auc").asDouble()) : "-", 7)
                        + Output.pad(m.has("falsePositivesAt95Recall") ? m.path("falsePositivesAt95Recall").asText() : "-", 7)
                        + v.path("createdAt").asText());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One version: status and why, hashes, metrics, training summary.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @picocli.CommandLine.Parameters(paramLabel = "VERSION")
        String label;

        @Override
        public Integer call() {
            Output.json(ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/models/" + encode(label), java.util.Map.of()));
            return 0;
        }
    }

    @Command(name = "lineage", mixinStandardHelpOptions = true,
            description = "Which records (verdicts) trained and tested a version, with the consent and policy each was given under.")
    static final class Lineage implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @picocli.CommandLine.Parameters(paramLabel = "VERSION")
        String label;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode r = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/models/" + encode(label) + "/lineage", java.util.Map.of());
            if (json) {
                Output.json(r);
                return 0;
            }
            JsonNode v = r.path("version");
            System.out.println(v.path("label").asText() + " (" + v.path("status").asText() + "), trained " + v.path("createdAt").asText()
                    + " by " + v.path("createdBy").asText() + " from champion " + v.path("parent").asText("-")
                    + "; artifact sha256 " + v.path("artifactSha256").asText());
            System.out.println(r.path("records").size() + " records:");
            System.out.println("  " + Output.pad("RECORD", 20) + Output.pad("SPLIT", 10) + Output.pad("VERDICT", 17)
                    + Output.pad("CONSENT", 10) + Output.pad("POLICY", 10) + "GIVEN");
            for (JsonNode t : r.path("records")) {
                System.out.println("  " + Output.pad(t.path("kind").asText() + ":" + t.path("id").asText(), 20)
                        + Output.pad(t.path("split").asText(), 10) + Output.pad(t.path("label").asText(), 17)
                        + Output.pad(t.path("consent").asText(), 10) + Output.pad(t.path("policy").asText(), 10)
                        + t.path("recordedAt").asText());
            }
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = {"VERSION: compare a version with the champion on this tenant's latest held-out verdicts.",
                    "--scenario SEED: offline, the feedback-learning scenario: a simulated estate over --days days, the",
                    "analyst's verdicts on the first --verdict-days, and the remaining days ranked by rule level, by the",
                    "factory model and by the challenger retrained from those verdicts."})
    static final class Evaluate implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @picocli.CommandLine.Parameters(paramLabel = "VERSION", arity = "0..1")
        String label;
        @Option(names = "--scenario", paramLabel = "SEED", description = "Run the offline scenario with this simulation seed.")
        Long scenario;
        @Option(names = "--hosts", description = "Hosts in the scenario's estate (default 20).")
        int hosts = 20;
        @Option(names = "--days", description = "Simulated days (default 7).")
        int days = 7;
        @Option(names = "--verdict-days", description = "Days the analyst gives verdicts on (default 3).")
        int verdictDays = 3;
        @Option(names = "--practices", paramLabel = "LIST", description = {"The estate's own routines the factory rules flag:",
                "all (default), none, or some of nightly-deployment, inventory-script, account-provisioning."})
        String practices = "all";
        @Option(names = "--model-dir", paramLabel = "DIR", description = "The factory model (default: appliance/models/triage).")
        Path modelDir = Path.of("appliance/models/triage");
        @Option(names = "--connectors-dir", paramLabel = "DIR", description = "Connector specs (default: connectors).")
        Path connectorsDir = Path.of("connectors");
        @Option(names = "--rules-dir", paramLabel = "DIR", description = "Factory Sigma rules (default: appliance/rules).")
        Path rulesDir = Path.of("appliance/rules");
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (scenario == null) {
                if (label == null) {
                    throw new CliException("name a VERSION to compare with the champion, or --scenario SEED for the offline scenario", 2);
                }
                JsonNode r = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/models/" + encode(label) + "/evaluation", java.util.Map.of());
                if (json) {
                    Output.json(r);
                    return 0;
                }
                System.out.println("on the latest " + r.path("heldOut").asInt() + " verdicts:");
                printMetrics(r.path("label").asText(), r.path("metrics"));
                printMetrics("champion " + r.path("champion").asText(), r.path("championMetrics"));
                System.out.println(r.path("gate").asText());
                return 0;
            }
            if (!Files.isDirectory(connectorsDir) || !Files.isDirectory(rulesDir)) {
                throw new CliException("need the connector specs and factory rules: no directory "
                        + (Files.isDirectory(connectorsDir) ? rulesDir : connectorsDir) + " (see --connectors-dir, --rules-dir)", 2);
            }
            dev.vigil.analyst.triage.TriageManifest.Loaded m = dev.vigil.analyst.triage.TriageManifest.load(modelDir);
            dev.vigil.learn.ScenarioEvaluation.Result r = dev.vigil.learn.ScenarioEvaluation.run(
                    new dev.vigil.learn.ScenarioEvaluation.Options(scenario, hosts, days, verdictDays,
                            dev.vigil.simulate.LocalPractice.parseList(practices)),
                    dev.vigil.analyst.triage.TriageModel.fromOnnx(m.artifact(), dev.vigil.analyst.triage.FeatureSchema.CURRENT),
                    ConnectorRegistry.load(connectorsDir),
                    DetectionContent.compile(RuleLibrary.factoryRules(rulesDir), EngineOptions.DEFAULTS),
                    List.of("host.name|Computer", "user.name|User"), Duration.ofMinutes(10));
            new ScenarioReport(r, m.version()).print(json);
            return 0;
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Make VERSION the champion (admin); the current champion becomes previous. Audited with your reason.")
    static final class Promote implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @picocli.CommandLine.Parameters(paramLabel = "VERSION")
        String label;
        @Option(names = "--reason", required = true, description = "Why; recorded with the alias move in the audit chain.")
        String reason;
        @Option(names = "--override-gate", description = "Promote a challenger the gate kept out (the gate's reason is kept).")
        boolean overrideGate;

        @Override
        public Integer call() {
            JsonNode v = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/models/" + encode(label) + "/promote",
                    "application/json", JSON.createObjectNode().put("reason", reason).put("overrideGate", overrideGate).toString());
            System.out.println(v.path("label").asText() + " is now the champion (sha256 " + v.path("artifactSha256").asText() + ")");
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Make the previous champion (or --to VERSION) the champion again (admin), byte-identical to when it was trained.")
    static final class Rollback implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--to", paramLabel = "VERSION", description = "The version to restore (default: the previous champion).")
        String to;
        @Option(names = "--reason", required = true, description = "Why; recorded with the alias move in the audit chain.")
        String reason;

        @Override
        public Integer call() {
            JsonNode v = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/models/rollback", "application/json",
                    JSON.createObjectNode().put("reason", reason).put("to", to).toString());
            System.out.println("rolled back: " + v.path("label").asText() + " is the champion again (sha256 "
                    + v.path("artifactSha256").asText() + ", verified)");
            return 0;
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
