package dev.vigil.tenancy.users;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When repeated failed sign-ins lock an account: from the {@code threshold}-th consecutive failure on, each failure
 * locks for {@code base} doubled per further failure, never longer than {@code max} (defaults: after 5 failures 30 s,
 * then 1 min, 2 min, … up to 1 h). A success resets the count. Pure logic.
 */
public record LockoutPolicy(int threshold, Duration base, Duration max) {

    /** The default: 5 failures, 30 s doubling, at most 1 hour. */
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofSeconds(30), Duration.ofHours(1));

    public LockoutPolicy {
        if (threshold < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("lockout needs threshold >= 1 and 0 < base <= max");
        }
    }

    /** Until when an account with {@code failures} consecutive failures, the last at {@code now}, is locked. */
    public Optional<Instant> lockedUntil(int failures, Instant now) {
        if (failures < threshold) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - threshold, 30);
        Duration lock = base.multipliedBy(1L << doublings);
        return Optional.of(now.plus(lock.compareTo(max) > 0 ? max : lock));
    }
}
