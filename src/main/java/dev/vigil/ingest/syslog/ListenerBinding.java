package dev.vigil.ingest.syslog;

import dev.vigil.tenancy.TenantId;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What a listener is bound to: the address and port (0 = any free port), and the tenant and connector every message
 * it receives belongs to.
 */
public record ListenerBinding(InetAddress address, int port, TenantId tenant, String connector, int maxMessageBytes) {

    public ListenerBinding {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(connector, "connector");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("syslog port must be 0-65535, was " + port);
        }
    }
}
