package dev.vigil.ingest.spool;

import dev.vigil.event.RawEvent;

/** A record read back from the spool, with the sequence number it was given when it became durable. */
public record SpooledRecord(long sequence, SpoolRecord record) {

    /** The record as the connectors see it. */
    public RawEvent toRawEvent() {
        return new RawEvent(sequence, record.tenant(), record.connector(), record.source(), record.receivedAt(),
                record.payload());
    }
}
