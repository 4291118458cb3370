package dev.vigil.event;

import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An event after its connector has parsed and normalised it: what the store indexes and detection evaluates.
 *
 * <p>Guarantees: the tenant and timestamp are always present; {@code fields} is an unmodifiable, flattened map from
 * dotted field names to values that are {@link String}, {@link Long}, {@link Double}, {@link Boolean} or an unmodifiable
 * {@link List} of those. It holds the source's own field names (which for Windows, Zeek, CloudTrail and auditd are the
 * names Sigma rules use), the Sigma aliases the connector declares (Security 4688 {@code NewProcessName} →
 * {@code Image}) and ECS names ({@code process.executable}, {@code host.name}). The raw text is always kept, so an
 * event that failed to parse is stored with {@link #parseError()} saying why, never dropped.
 *
 * @param sequence   the spool sequence number this event was read from (its identity in the appliance), 0 if never spooled
 * @param tenant     owning tenant
 * @param timestamp  event time from the record itself, or the receive time when the record has none
 * @param receivedAt when the appliance received it
 * @param connector  the connector that produced it
 * @param logSource  Sigma log source for rule routing
 * @param fields     normalised fields, see above
 * @param raw        the record's original text
 * @param parseError null when parsing succeeded, else the reason it failed
 */
public record NormalizedEvent(
        long sequence,
        TenantId tenant,
        Instant timestamp,
        Instant receivedAt,
        String connector,
        LogSource logSource,
        Map<String, Object> fields,
        String raw,
        String parseError) {

    public NormalizedEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(logSource, "logSource");
        Objects.requireNonNull(raw, "raw");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }

    /** The event's id as shown to users and used in alerts: its spool sequence in fixed-width hex. */
    public String id() {
        return EventIds.format(sequence);
    }

    /** True when the connector could not parse the record; the raw text is still kept. */
    public boolean hasParseError() {
        return parseError != null;
    }

    /** The value of a field, or null. */
    public Object field(String name) {
        return fields.get(name);
    }

    /** The value of a field as text (lists joined by a comma), or null. */
    public String text(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /** An event that could not be parsed: raw text kept, reason recorded, nothing else known. */
    public static NormalizedEvent unparsed(RawEvent raw, LogSource logSource, String reason) {
        return new NormalizedEvent(raw.sequence(), raw.tenant(), raw.receivedAt(), raw.receivedAt(), raw.connector(),
                logSource, Map.of(), raw.payload(), Objects.requireNonNull(reason, "reason"));
    }
}
