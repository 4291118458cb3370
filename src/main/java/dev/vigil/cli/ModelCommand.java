package dev.vigil.cli;

import dev.vigil.analyst.triage.FactoryTraining;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.detect.DetectionContent;
import dev.vigil.detect.rules.RuleLibrary;
import dev.vigil.detect.sigma.EngineOptions;
import dev.vigil.detect.sigma.RuleSource;
import picocli.CommandLine.Command;
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

/** {@code vigil model train --factory}: the reproducible pipeline behind the shipped triage model. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Triage models.",
        subcommands = {ModelCommand.Train.class})
public final class ModelCommand {

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"--factory: train the factory triage model from simulated, labelled estates run through the",
                    "factory rules (offline, no appliance), evaluate it on a held-out simulation, and write triage.onnx",
                    "and manifest.json. Equal options give byte-identical output."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--factory", required = true, description = "Train the factory model (the only kind built so far).")
        boolean factory;
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
}
