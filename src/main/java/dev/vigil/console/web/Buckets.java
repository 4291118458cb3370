package dev.vigil.console.web;

import java.time.Duration;
import java.util.List;

/**
 * The histogram bucket for a time range: the smallest of a fixed ladder (1 s … 7 d) that gives at most
 * {@value #MAX_BARS} bars, so a chart stays readable from one minute to a year. Pure logic.
 */
public final class Buckets {

    static final int MAX_BARS = 120;
    private static final List<Duration> LADDER = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7));

    private Buckets() {
    }

    /** The bucket length for a range (non-positive ranges get the smallest bucket). */
    public static Duration forRange(Duration range) {
        for (Duration step : LADDER) {
            if (range.toMillis() / step.toMillis() <= MAX_BARS) {
                return step;
            }
        }
        return LADDER.getLast();
    }
}
