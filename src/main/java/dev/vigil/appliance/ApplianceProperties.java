package dev.vigil.appliance;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Micronaut properties that follow from where the data lives and which embedded database is chosen, so that the
 * CLI, the demo and the tests start the appliance the same way.
 *
 * <p>H2 in file mode is the default; SQLite is the alternative ({@code vigil.database=sqlite}). Both keep their file
 * under {@code <data>/db/}.
 */
public final class ApplianceProperties {

    private ApplianceProperties() {
    }

    public static Map<String, Object> forDataDir(Path dataDir, String database) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        try {
            java.nio.file.Files.createDirectories(absolute.resolve("db"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the data directory " + absolute + ": " + e.getMessage(), e);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("vigil.data-dir", absolute.toString());
        switch (database) {
            case "h2" -> {
                props.put("datasources.default.url", "jdbc:h2:file:" + absolute.resolve("db/vigil") + ";DB_CLOSE_ON_EXIT=FALSE");
                props.put("datasources.default.driver-class-name", "org.h2.Driver");
                props.put("datasources.default.dialect", "H2");
            }
            case "sqlite" -> {
                props.put("datasources.default.url", SqliteDriver.PREFIX + absolute.resolve("db/vigil.sqlite")
                        + "?journal_mode=WAL&busy_timeout=10000");
                props.put("datasources.default.driver-class-name", SqliteDriver.class.getName());
                props.put("datasources.default.dialect", "ANSI");
                props.put("datasources.default.maximum-pool-size", 1);
            }
            default -> throw new IllegalArgumentException(
                    "unknown database '" + database + "': choose h2 (default) or sqlite");
        }
        return props;
    }
}
