package dev.vigil.cli;

import dev.vigil.appliance.ApplianceProperties;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options shared by {@code serve} and {@code demo}, turned into the appliance's configuration properties. */
public final class ServerOptions {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML configuration file (see config/vigil.yml).")
    Path config;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port for the API and the HEC collector; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address the HTTP server binds (default: ${DEFAULT-VALUE}).")
    String httpHost;

    @Option(names = "--syslog-port", paramLabel = "PORT",
            description = "Syslog port for both UDP and TCP; 0 picks a free port. Off unless given.")
    Integer syslogPort;

    @Option(names = "--syslog-tls-port", paramLabel = "PORT", description = "Syslog over TLS port; 0 picks a free port.")
    Integer syslogTlsPort;

    @Option(names = "--syslog-connector", paramLabel = "NAME",
            description = "Connector that parses syslog input (default: linux-syslog).")
    String syslogConnector;

    @Option(names = "--tail", paramLabel = "CONNECTOR=PATH",
            description = "Follow a file with a connector, e.g. linux-auth=/var/log/auth.log (repeatable).")
    List<String> tails = new ArrayList<>();

    @Option(names = "--tenant", paramLabel = "ID", description = "The customer tenant id (default: customer).")
    String tenant;

    @Option(names = "--database", paramLabel = "h2|sqlite", defaultValue = "h2",
            description = "Embedded metadata database (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--connectors-dir", paramLabel = "DIR", description = "Connector specs (default: the installed connectors/).")
    Path connectorsDir;

    @Option(names = "--retention-days", paramLabel = "N", description = "Days of events to keep (default: 30).")
    Integer retentionDays;

    public Path dataDir() {
        return data.dataDir();
    }

    /** The Micronaut properties for these options; options given override the configuration file. */
    public Map<String, Object> properties() {
        if (config != null && !Files.isRegularFile(config)) {
            throw new CliException("configuration file " + config + " does not exist");
        }
        Map<String, Object> props = new LinkedHashMap<>(ApplianceProperties.forDataDir(dataDir(), database));
        props.put("micronaut.server.port", httpPort == 0 ? -1 : httpPort);
        props.put("micronaut.server.host", httpHost);
        props.put("vigil.connectors-dir", (connectorsDir != null ? connectorsDir : defaultConnectorsDir())
                .toAbsolutePath().toString());
        props.put("vigil.detect.factory-rules-dir", defaultFactoryRulesDir().toAbsolutePath().toString());
        props.put("vigil.analyst.triage-model-dir", shipped("appliance", "models", "triage").toAbsolutePath().toString());
        if (syslogPort != null) {
            props.put("vigil.syslog.udp-port", syslogPort);
            props.put("vigil.syslog.tcp-port", syslogPort);
        }
        if (syslogTlsPort != null) {
            props.put("vigil.syslog.tls-port", syslogTlsPort);
        }
        if (syslogConnector != null) {
            props.put("vigil.syslog.connector", syslogConnector);
        }
        if (!tails.isEmpty()) {
            props.put("vigil.files", List.copyOf(tails));
        }
        if (tenant != null) {
            props.put("vigil.tenant", tenant);
        }
        if (retentionDays != null) {
            props.put("vigil.retention-days", retentionDays);
        }
        return props;
    }

    /** Extra configuration files for Micronaut to read. */
    public List<Path> configFiles() {
        return config == null ? List.of() : List.of(config.toAbsolutePath());
    }

    /** The factory Sigma rules shipped beside the installed jar ({@code vigil.home}), else ./appliance/rules. */
    static Path defaultFactoryRulesDir() {
        String home = System.getProperty("vigil.home");
        return home == null ? Path.of("appliance", "rules") : Path.of(home, "appliance", "rules");
    }

    /** A path shipped beside the installed jar ({@code vigil.home}), else relative to the working directory. */
    static Path shipped(String first, String... more) {
        String home = System.getProperty("vigil.home");
        return home == null ? Path.of(first, more) : Path.of(home, first).resolve(Path.of("", more));
    }

    /** The connectors shipped beside the installed jar ({@code vigil.home}), else ./connectors. */
    static Path defaultConnectorsDir() {
        String home = System.getProperty("vigil.home");
        return home == null ? Path.of("connectors") : Path.of(home, "connectors");
    }
}
