package dev.vigil.tenancy.users;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failure counts for user names that do not exist, so that a locked-out answer looks the same whether or not the
 * account exists. Bounded (least recently failed names are forgotten first) and in memory only: a restart forgets
 * them, which reveals nothing.
 */
final class UnknownNameLockouts {

    private static final int MAX_NAMES = 10_000;

    private record Failures(int failures, Instant lockedUntil) {
    }

    private final LockoutPolicy policy;
    private final Map<String, Failures> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_NAMES;
        }
    };

    UnknownNameLockouts(LockoutPolicy policy) {
        this.policy = policy;
    }

    synchronized Optional<Instant> lockedUntil(String key, Instant now) {
        Failures e = entries.get(key);
        return e == null || e.lockedUntil() == null || !e.lockedUntil().isAfter(now) ? Optional.empty()
                : Optional.of(e.lockedUntil());
    }

    /** Records a failure; returns the lock it starts, if any. */
    synchronized Optional<Instant> fail(String key, Instant now) {
        Failures old = entries.get(key);
        int failures = old == null ? 1 : old.failures() + 1;
        Optional<Instant> until = policy.lockedUntil(failures, now);
        entries.put(key, new Failures(failures, until.orElse(null)));
        return until;
    }
}
