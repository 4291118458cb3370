package dev.vigil.ingest.spool;

/** What a durable append gave the batch: its first and last sequence numbers (inclusive). */
public record AppendResult(long firstSequence, long lastSequence) {

    public int count() {
        return (int) (lastSequence - firstSequence + 1);
    }
}
