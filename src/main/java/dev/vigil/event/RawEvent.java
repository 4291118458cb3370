package dev.vigil.event;

import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * One log record exactly as a transport received it, before parsing.
 *
 * @param sequence   the spool sequence number; unique and increasing within one appliance, 0 when not spooled (tests, CLI)
 * @param tenant     the tenant the record belongs to (from the token, listener or file binding that received it)
 * @param connector  the connector that must parse it (for example {@code linux-syslog}, {@code windows-json})
 * @param source     where it came from, for operators: {@code udp:10.0.0.5:514}, {@code file:/var/log/auth.log}, {@code http:token-name}
 * @param receivedAt when the appliance received it
 * @param payload    the record's text, one event (a line, a JSON object, a syslog message)
 */
public record RawEvent(long sequence, TenantId tenant, String connector, String source, Instant receivedAt, String payload) {

    public RawEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
    }
}
