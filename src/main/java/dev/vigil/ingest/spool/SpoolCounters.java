package dev.vigil.ingest.spool;

/** Totals since the spool was opened: records and bytes made durable, records refused because it was full, fsyncs. */
public record SpoolCounters(long appendedRecords, long appendedBytes, long rejectedRecords, long forces) {
}
