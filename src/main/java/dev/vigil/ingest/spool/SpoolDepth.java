package dev.vigil.ingest.spool;

/** How much waits in the spool: durable records not yet released, and the bytes they occupy against the capacity. */
public record SpoolDepth(long records, long bytes, long capacityBytes) {
}
