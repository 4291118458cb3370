package dev.vigil.connectors.parse;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a parser may need to know about a record besides its text.
 *
 * @param receivedAt when the appliance received the record (RFC 3164 timestamps have no year: it is inferred from this)
 * @param zone       the zone to read zone-less timestamps in (the connector's configured source zone, UTC by default)
 */
public record ParseContext(Instant receivedAt, ZoneId zone) {

    public static ParseContext utc(Instant receivedAt) {
        return new ParseContext(receivedAt, ZoneId.of("UTC"));
    }
}
