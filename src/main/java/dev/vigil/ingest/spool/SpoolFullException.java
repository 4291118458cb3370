package dev.vigil.ingest.spool;

/**
 * The spool holds as many unindexed bytes as it may; the batch was not accepted and nothing of it was written.
 * HTTP answers 503 with Retry-After; UDP counts a drop; TCP and file readers wait instead.
 */
public class SpoolFullException extends RuntimeException {

    public SpoolFullException(long pendingBytes, long capacityBytes) {
        super("the spool is full (" + pendingBytes + " of " + capacityBytes
                + " bytes wait to be indexed); retry shortly");
    }
}
