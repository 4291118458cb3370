package dev.vigil.ingest.spool;

import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * One record handed to the spool by a transport, before it has a sequence number.
 *
 * @param tenant       owning tenant (from the token, listener or file binding that received it)
 * @param connector    the connector that will parse it
 * @param source       where it came from ({@code tcp:10.0.0.5:51514}, {@code file:/var/log/auth.log}, {@code http:token})
 * @param receivedAt   when it was received
 * @param payload      the record's text
 * @param sourceOffset for file sources, the byte offset in the file just after this record; -1 otherwise
 */
public record SpoolRecord(TenantId tenant, String connector, String source, Instant receivedAt, String payload,
                          long sourceOffset) {

    public SpoolRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
    }

    public SpoolRecord(TenantId tenant, String connector, String source, Instant receivedAt, String payload) {
        this(tenant, connector, source, receivedAt, payload, -1);
    }
}
