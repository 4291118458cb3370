package dev.vigil.appliance;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Off-host shipping of the audit chain to a syslog collector ({@code vigil.audit.syslog.*}); documented in
 * docs/audit.md. Shipping is off unless {@code host} is set.
 *
 * @param host               the collector's host name or address; none: no shipping
 * @param port               its port; default 6514 with TLS, 601 without
 * @param tls                use TLS, verifying the collector's certificate against {@code truststore}
 * @param truststore         PKCS#12 or JKS file holding the certificate(s) the collector's must chain to
 * @param truststorePassword the truststore's password, if it has one
 * @param hostName           the HOSTNAME field of the messages; default this host's name
 * @param maxBackoff         the longest wait between reconnect attempts
 * @param batchSize          messages written per batch (at most this many are sent twice after a broken connection)
 */
@ConfigurationProperties("vigil.audit.syslog")
public record AuditSyslogSettings(
        @Nullable String host,
        @Nullable Integer port,
        @Bindable(defaultValue = "false") boolean tls,
        @Nullable Path truststore,
        @Nullable String truststorePassword,
        @Nullable String hostName,
        @Bindable(defaultValue = "30s") Duration maxBackoff,
        @Bindable(defaultValue = "256") int batchSize) {

    /** The port in effect. */
    public int effectivePort() {
        return port != null ? port : tls ? 6514 : 601;
    }
}
