package dev.vigil.event;

/**
 * Sees every normalised event as the ingest pipeline indexes it (detection is one), in two steps: {@link #observe}
 * runs concurrently on the pipeline's workers and may return a {@link FollowUp}; the pipeline then runs the follow-ups
 * of a batch one at a time in event-sequence order, which is where stateful work (correlation, raising alerts)
 * belongs. After a crash, events not yet durably committed are replayed and seen again, so observers must be
 * idempotent per event sequence. An exception is counted and logged by the pipeline and never stops indexing.
 */
@FunctionalInterface
public interface EventObserver {

    /** Examines an event; returns what must happen in event order, or null when nothing must. */
    FollowUp observe(NormalizedEvent event);

    /** Work an observer defers to the in-order step. */
    @FunctionalInterface
    interface FollowUp {
        void run();
    }
}
