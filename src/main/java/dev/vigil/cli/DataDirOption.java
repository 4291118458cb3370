package dev.vigil.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --data-dir} option every command shares; defaults to {@code $VIGIL_DATA} or {@code ./var}. */
public final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the appliance keeps its data (default: $VIGIL_DATA or ./var).")
    private Path dataDir;

    public Path dataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv("VIGIL_DATA");
        return Path.of(env == null || env.isBlank() ? "var" : env);
    }
}
