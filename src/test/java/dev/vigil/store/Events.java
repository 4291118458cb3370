package dev.vigil.store;

import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.Map;

/** Builds test events tersely. */
final class Events {

    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");
    static final LogSource LINUX_AUTH = new LogSource("linux", null, "auth");

    private Events() {
    }

    static NormalizedEvent event(TenantId tenant, long sequence, String timestamp, String raw, Map<String, Object> fields) {
        Instant at = Instant.parse(timestamp);
        return new NormalizedEvent(sequence, tenant, at, at.plusMillis(5), "linux-syslog", LINUX_AUTH, fields, raw, null);
    }

    static NormalizedEvent event(TenantId tenant, long sequence, String timestamp) {
        return event(tenant, sequence, timestamp, "event " + sequence, Map.of("seq", sequence));
    }
}
