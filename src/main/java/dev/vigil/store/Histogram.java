package dev.vigil.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Event counts over time.
 *
 * <p>Guarantees: buckets are contiguous, each {@code bucket} long, in ascending order, starting at a multiple of the
 * bucket length since the epoch; empty buckets inside the range are present with count 0. With a bounded query range
 * the buckets cover the whole range; with an unbounded one they span the first to the last matching event (none when
 * nothing matches).
 */
public record Histogram(Duration bucket, List<Bucket> buckets) {

    public Histogram {
        buckets = List.copyOf(buckets);
    }

    /** The sum of all bucket counts. */
    public long total() {
        return buckets.stream().mapToLong(Bucket::count).sum();
    }

    /** Events whose timestamp is in {@code [start, start + bucket)}. */
    public record Bucket(Instant start, long count) {
    }
}
