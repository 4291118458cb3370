package dev.vigil.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of one transport (listener or tailer): messages received, spooled, dropped (UDP when the spool is
 * full) and errors (oversized messages, read failures). Only ever increase.
 */
public final class ListenerCounters {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong spooled = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    public void received(long n) {
        received.addAndGet(n);
    }

    public void spooled(long n) {
        spooled.addAndGet(n);
    }

    public void dropped(long n) {
        dropped.addAndGet(n);
    }

    public void errors(long n) {
        errors.addAndGet(n);
    }

    public Snapshot snapshot() {
        return new Snapshot(received.get(), spooled.get(), dropped.get(), errors.get());
    }

    /** A reading of the counters for status and metrics. */
    public record Snapshot(long received, long spooled, long dropped, long errors) {
    }
}
