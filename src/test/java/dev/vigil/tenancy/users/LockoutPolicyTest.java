package dev.vigil.tenancy.users;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The back-off after repeated failed sign-ins. */
class LockoutPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final LockoutPolicy policy = LockoutPolicy.DEFAULT;

    @Test
    void fourFailuresDoNotLock() {
        assertEquals(Optional.empty(), policy.lockedUntil(4, NOW));
    }

    @Test
    void theFifthFailureLocksForThirtySecondsAndEachFurtherOneDoubles() {
        assertEquals(Optional.of(NOW.plusSeconds(30)), policy.lockedUntil(5, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(60)), policy.lockedUntil(6, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(120)), policy.lockedUntil(7, NOW));
    }

    @Test
    void theLockNeverExceedsOneHour() {
        assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))), policy.lockedUntil(12, NOW));
        assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))), policy.lockedUntil(1000, NOW));
    }
}
