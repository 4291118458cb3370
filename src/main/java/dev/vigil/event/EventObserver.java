package dev.vigil.event;

/**
 * Sees every normalised event as the ingest pipeline indexes it (detection is one). Called concurrently from the
 * pipeline's worker threads, once per event per pass; after a crash, events not yet durably committed are replayed
 * and seen again, so observers must be idempotent per event sequence. An exception is counted and logged by the
 * pipeline and never stops indexing.
 */
@FunctionalInterface
public interface EventObserver {

    void observe(NormalizedEvent event);
}
