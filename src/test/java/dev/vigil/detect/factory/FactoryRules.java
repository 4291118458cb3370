package dev.vigil.detect.factory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.ConnectorSpec;
import dev.vigil.detect.sigma.RuleSource;
import dev.vigil.event.LogSource;
import dev.vigil.yaml.LocatedYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The appliance's factory rules as the tests see them: every {@code .yml} file under {@code appliance/rules}, its
 * YAML documents, and the log sources the shipped connectors can give events.
 */
final class FactoryRules {

    /** Where the factory rules live, relative to the project directory (the tests' working directory). */
    static final Path DIR = Path.of("appliance", "rules");
    /** The shipped connector specs. */
    static final Path CONNECTORS = Path.of("connectors");

    private FactoryRules() {
    }

    /** One rule file: its path relative to {@link #DIR} and its text. */
    record RuleFile(String relative, String text) {

        /** The file's YAML documents (a correlation file holds several). */
        List<JsonNode> documents() {
            try {
                return LocatedYaml.readAll(text).stream().map(LocatedYaml::root).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(relative + ": not valid YAML: " + e.getMessage(), e);
            }
        }

        /** The file name without folders, e.g. {@code proc_creation_win_comsvcs_minidump.yml}. */
        String fileName() {
            return relative.substring(relative.lastIndexOf('/') + 1);
        }
    }

    /** Every rule file, sorted by path. */
    static List<RuleFile> files() {
        try (Stream<Path> walk = Files.walk(DIR)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.add(new RuleFile(DIR.relativize(path).toString().replace('\\', '/'),
                        Files.readString(path, StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule file as the engine takes it, with the origin the appliance gives factory rules. */
    static List<RuleSource> sources() {
        return files().stream().map(f -> new RuleSource("factory/" + f.relative(), f.text())).toList();
    }

    /** The shipped connectors, compiled. */
    static ConnectorRegistry connectors() {
        return ConnectorRegistry.load(CONNECTORS);
    }

    /**
     * Per connector, every log source its events can carry: the spec's own and each step's replacement, as the
     * connector specs declare them.
     */
    static Map<String, Set<LogSource>> producedLogSources(ConnectorRegistry registry) {
        Map<String, Set<LogSource>> produced = new LinkedHashMap<>();
        for (String name : registry.names()) {
            Connector connector = registry.get(name);
            ConnectorSpec spec = connector.spec();
            Set<LogSource> sources = new LinkedHashSet<>();
            sources.add(spec.logSource());
            for (ConnectorSpec.StepSpec step : spec.steps()) {
                if (step.logSource() != null) {
                    sources.add(step.logSource());
                }
            }
            produced.put(name, sources);
        }
        return produced;
    }
}
