package dev.vigil.store;

import dev.vigil.event.LogSource;
import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event as the store returns it: everything indexed from the {@link dev.vigil.event.NormalizedEvent}.
 *
 * <p>Guarantees: {@code fields} is unmodifiable and holds the same names and value types (String, Long, Double,
 * Boolean, List) that were added; {@code raw} is the original record text; {@code parseError} is null unless the
 * connector could not parse the record.
 */
public record StoredEvent(
        String id,
        TenantId tenant,
        Instant timestamp,
        Instant receivedAt,
        String connector,
        LogSource logSource,
        Map<String, Object> fields,
        String raw,
        String parseError) {

    public StoredEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(logSource, "logSource");
        Objects.requireNonNull(raw, "raw");
        fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
    }
}
