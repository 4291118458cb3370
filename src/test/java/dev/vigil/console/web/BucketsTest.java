package dev.vigil.console.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BucketsTest {

    @Test
    void theBucketIsTheSmallestStepGivingAtMost120Bars() {
        assertEquals(Duration.ofSeconds(10), Buckets.forRange(Duration.ofMinutes(15)));
        assertEquals(Duration.ofMinutes(30), Buckets.forRange(Duration.ofHours(24)));
        assertEquals(Duration.ofHours(3), Buckets.forRange(Duration.ofDays(7)));
    }

    @Test
    void everyRangeUpToTwoYearsStaysWithinTheBarLimit() {
        for (long hours = 1; hours < 24 * 365 * 2; hours = hours * 3 / 2 + 1) {
            Duration range = Duration.ofHours(hours);
            assertTrue(range.toMillis() / Buckets.forRange(range).toMillis() <= Buckets.MAX_BARS, range.toString());
        }
    }

    @Test
    void anEmptyRangeGetsTheSmallestBucket() {
        assertEquals(Duration.ofSeconds(1), Buckets.forRange(Duration.ZERO));
    }
}
