package dev.vigil.connectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The connectors of one installation, loaded from a directory holding one folder per connector, each with a
 * {@code connector.yaml}.
 *
 * <p>Guarantees: immutable once loaded; every spec is compiled at load time, so a bad spec fails the load with
 * {@link ConnectorSpecException} naming its file and line rather than failing later on a record; connector names are
 * unique and equal their folder's name.
 */
public final class ConnectorRegistry {

    private final Map<String, Connector> connectors;

    private ConnectorRegistry(Map<String, Connector> connectors) {
        this.connectors = Collections.unmodifiableMap(connectors);
    }

    /** Loads every {@code <dir>/<name>/connector.yaml} with the standard parsers. */
    public static ConnectorRegistry load(Path connectorsDir) {
        return load(connectorsDir, ParserRegistry.standard());
    }

    /** Loads every {@code <dir>/<name>/connector.yaml} with the given parsers. */
    public static ConnectorRegistry load(Path connectorsDir, ParserRegistry parsers) {
        Map<String, Connector> connectors = new TreeMap<>();
        List<Path> specs;
        try (Stream<Path> folders = Files.list(connectorsDir)) {
            specs = folders.map(folder -> folder.resolve("connector.yaml")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list connectors in " + connectorsDir, e);
        }
        for (Path file : specs) {
            ConnectorSpec spec = ConnectorSpecReader.read(file);
            String folder = file.getParent().getFileName().toString();
            if (!spec.name().equals(folder)) {
                throw new ConnectorSpecException(file, 1, "name '" + spec.name() + "' differs from its folder '" + folder + "'");
            }
            connectors.put(spec.name(), Connector.compile(spec, parsers));
        }
        return new ConnectorRegistry(connectors);
    }

    /**
     * This registry with the connectors of another directory added; one with a name already known replaces it (an
     * update bundle's newer spec of a shipped connector).
     */
    public ConnectorRegistry overlaidWith(Path connectorsDir) {
        Map<String, Connector> merged = new TreeMap<>(connectors);
        merged.putAll(load(connectorsDir).connectors);
        return new ConnectorRegistry(merged);
    }

    /** Connector names, sorted. */
    public List<String> names() {
        return List.copyOf(connectors.keySet());
    }

    /** The named connector; {@link IllegalArgumentException} listing the known names when there is none. */
    public Connector get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown connector '" + name + "'; known: " + String.join(", ", connectors.keySet())));
    }

    /** The named connector, if loaded. */
    public Optional<Connector> find(String name) {
        return Optional.ofNullable(connectors.get(name));
    }
}
