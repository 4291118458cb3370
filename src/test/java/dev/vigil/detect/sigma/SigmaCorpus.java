package dev.vigil.detect.sigma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The SigmaHQ rule sets under {@code ${vigil.shared.dir}/data/sigma}, read in place; tests skip where absent. */
final class SigmaCorpus {

    static final Path DATA = Path.of(System.getProperty("vigil.shared.dir", "../shared")).resolve("data");
    static final Path SIGMA = DATA.resolve("sigma");

    private SigmaCorpus() {
    }

    static Path need(Path path) {
        assumeTrue(Files.exists(path), "needs " + path + " (the SigmaHQ corpus in ../shared/data; set -Dvigil.shared.dir)");
        return path;
    }

    /** Every {@code .yml} under the folder, sorted, as rule sources named by their path relative to the corpus. */
    static List<RuleSource> sources(Path folder) {
        List<RuleSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(need(folder))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                sources.add(new RuleSource(SIGMA.relativize(file).toString(), Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** The appliance's own factory rules ({@code appliance/rules}), shipped in this repository. */
    static List<RuleSource> factoryRules() {
        List<RuleSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("appliance", "rules"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                sources.add(new RuleSource("factory/" + file, Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** rules, rules-emerging-threats and rules-threat-hunting together: what a customer imports. */
    static List<RuleSource> allRuleSets() {
        List<RuleSource> all = new ArrayList<>(sources(SIGMA.resolve("rules")));
        all.addAll(sources(SIGMA.resolve("rules-emerging-threats")));
        all.addAll(sources(SIGMA.resolve("rules-threat-hunting")));
        return all;
    }
}
