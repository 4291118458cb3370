package dev.vigil.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable configuration of an {@link EventStore}.
 *
 * <p>Guarantees: every value is validated on construction, so a store never starts with a setting it cannot honour;
 * the message names the bad setting.
 *
 * @param root                 directory holding {@code <tenant>/<yyyy-MM-dd>/} index directories and the checkpoint
 * @param refreshInterval      how often the background thread makes newly added events searchable (at most 1 s, so
 *                             the store's "searchable within one second" promise holds)
 * @param maxDocValueLength    keyword values longer than this many characters are searchable but left out of
 *                             top-values aggregations (their doc values would bloat the index)
 * @param maxResultWindow      the largest {@code offset + limit} a search may ask for
 * @param maxHistogramBuckets  the largest number of buckets a histogram may produce
 * @param writerBufferMb       RAM buffer of each day index's writer before it flushes a segment
 */
public record StoreSettings(
        Path root,
        Duration refreshInterval,
        int maxDocValueLength,
        int maxResultWindow,
        int maxHistogramBuckets,
        double writerBufferMb) {

    public StoreSettings {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (refreshInterval.isNegative() || refreshInterval.isZero() || refreshInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("refreshInterval must be more than 0 and at most 1s, was " + refreshInterval);
        }
        if (maxDocValueLength < 1) {
            throw new IllegalArgumentException("maxDocValueLength must be at least 1, was " + maxDocValueLength);
        }
        if (maxResultWindow < 1) {
            throw new IllegalArgumentException("maxResultWindow must be at least 1, was " + maxResultWindow);
        }
        if (maxHistogramBuckets < 1) {
            throw new IllegalArgumentException("maxHistogramBuckets must be at least 1, was " + maxHistogramBuckets);
        }
        if (!(writerBufferMb >= 1)) {
            throw new IllegalArgumentException("writerBufferMb must be at least 1, was " + writerBufferMb);
        }
    }

    /** Production defaults under {@code root}: 250 ms refresh, 256-char doc values, 100,000 result window, 64 MB buffers. */
    public static StoreSettings defaults(Path root) {
        return new StoreSettings(root, Duration.ofMillis(250), 256, 100_000, 10_000, 64);
    }
}
