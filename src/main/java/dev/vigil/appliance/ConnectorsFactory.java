package dev.vigil.appliance;

import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.LineFramer;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.ingest.EventNormalizer;
import dev.vigil.ingest.http.ConnectorCatalog;
import dev.vigil.update.UpdateService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;

/**
 * The connector registry, loaded once at start from {@code vigil.connectors-dir}, and the views of it that ingest
 * needs. A spool record naming a connector that no longer exists (removed between a crash and a restart) is stored
 * raw with a parse error saying so, never dropped.
 */
@Factory
public class ConnectorsFactory {

    /**
     * The shipped connectors, overlaid with those of the installed update bundle (which take effect at the next
     * start: the pipeline keeps one registry for its whole life).
     */
    @Singleton
    ConnectorRegistry connectorRegistry(VigilSettings settings, UpdateService updates) {
        if (!Files.isDirectory(settings.connectorsDir())) {
            throw new IllegalArgumentException("connector directory " + settings.connectorsDir()
                    + " does not exist (set vigil.connectors-dir or --connectors-dir)");
        }
        ConnectorRegistry shipped = ConnectorRegistry.load(settings.connectorsDir());
        return updates.currentContent().map(content -> content.resolve("connectors")).filter(Files::isDirectory)
                .map(shipped::overlaidWith).orElse(shipped);
    }

    @Singleton
    EventNormalizer eventNormalizer(ConnectorRegistry registry) {
        return raw -> registry.find(raw.connector())
                .map(c -> c.normalize(raw))
                .orElseGet(() -> NormalizedEvent.unparsed(raw, LogSource.UNKNOWN,
                        "unknown connector '" + raw.connector() + "'; known: " + String.join(", ", registry.names())));
    }

    @Singleton
    LineFramers lineFramers(ConnectorRegistry registry) {
        return (connector, setting) -> {
            Connector c = registry.find(connector).orElseThrow(() -> new IllegalArgumentException(
                    setting + " names connector '" + connector + "', which does not exist; known: "
                            + String.join(", ", registry.names())));
            Function<String, LineFramer> framers = name -> c.newLineFramer();
            return framers;
        };
    }

    @Singleton
    ConnectorCatalog connectorCatalog(ConnectorRegistry registry) {
        return new ConnectorCatalog() {
            @Override
            public boolean exists(String connector) {
                return registry.find(connector).isPresent();
            }

            @Override
            public List<String> names() {
                return registry.names();
            }

            @Override
            public LineFramer newLineFramer(String connector) {
                return registry.get(connector).newLineFramer();
            }
        };
    }
}
