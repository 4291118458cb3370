package dev.vigil.cli;

import picocli.CommandLine;

/** The version printed by {@code vigil --version}: the jar's implementation version, or "development". */
public final class VigilVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VigilVersion.class.getPackage().getImplementationVersion();
        return new String[]{"vigil " + (version == null ? "development build" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
