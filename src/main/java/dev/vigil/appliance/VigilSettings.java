package dev.vigil.appliance;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.util.List;

/**
 * The appliance's configuration ({@code vigil.*} in {@code config/vigil.yml}, system properties or CLI options),
 * immutable once the process has started.
 *
 * @param dataDir        where everything the appliance keeps lives: database, spool, event indexes, audit trail
 * @param tenant         the customer tenant's id (created at first start)
 * @param tenantName     the customer tenant's display name
 * @param connectorsDir  the directory of declarative connector specs
 * @param retentionDays  how many days of events to keep; whole day indexes older than this are dropped
 * @param policyVersion  the data-use policy version recorded on audit entries and governed records
 * @param syslog         syslog listeners
 * @param files          files to follow, each {@code connector=path}
 * @param spoolMaxBytes  how many bytes may wait in the spool before transports are refused (back-pressure)
 */
@ConfigurationProperties("vigil")
public record VigilSettings(
        Path dataDir,
        @Bindable(defaultValue = "customer") String tenant,
        @Bindable(defaultValue = "Customer") String tenantName,
        @Bindable(defaultValue = "connectors") Path connectorsDir,
        @Bindable(defaultValue = "30") int retentionDays,
        @Bindable(defaultValue = "2026-1") String policyVersion,
        @Nullable Syslog syslog,
        @Bindable(defaultValue = "") List<String> files,
        @Bindable(defaultValue = "1073741824") long spoolMaxBytes) {

    public VigilSettings {
        if (dataDir == null) {
            throw new IllegalArgumentException("vigil.data-dir is required: where the appliance keeps its data");
        }
        if (retentionDays < 1) {
            throw new IllegalArgumentException("vigil.retention-days must be at least 1, was " + retentionDays);
        }
        files = files == null ? List.of() : files.stream().filter(f -> !f.isBlank()).toList();
        if (syslog == null) {
            syslog = new Syslog(-1, -1, -1, "linux-syslog", null, null, null);
        }
    }

    /**
     * Syslog listeners. A port of -1 disables the listener, 0 picks a free port (printed at start).
     *
     * @param connector   the connector that parses what arrives (for example {@code linux-syslog})
     * @param tlsKeystore a PKCS#12 file holding the TLS key and certificate; when absent and {@code tlsPort} is set,
     *                    a self-signed certificate is generated under the data directory at first start
     */
    @ConfigurationProperties("syslog")
    public record Syslog(
            @Bindable(defaultValue = "-1") int udpPort,
            @Bindable(defaultValue = "-1") int tcpPort,
            @Bindable(defaultValue = "-1") int tlsPort,
            @Bindable(defaultValue = "linux-syslog") String connector,
            @Nullable String bindAddress,
            @Nullable Path tlsKeystore,
            @Nullable String tlsKeystorePassword) {
    }
}
