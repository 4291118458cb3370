package dev.vigil.analyst.anomaly;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-user logon sources: quiet while warming up, then a new source once, louder after failures, per tenant, bounded. */
class LogonSourceBaselinesTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static LogonSourceBaselines baselines(int warmUp) {
        return new LogonSourceBaselines(warmUp, 100, 100, 100, Duration.ofMinutes(30));
    }

    @Test
    void nothingIsNewWhileTheUserWarmsUp() {
        LogonSourceBaselines b = baselines(5);
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), b.success(ACME, "alice", "10.0.0." + i, T0.plusSeconds(i)));
        }
        assertTrue(b.warm(ACME, "alice"));
    }

    @Test
    void aNewSourceOfAWarmUserIsFoundOnceAndExplained() {
        LogonSourceBaselines b = baselines(3);
        b.success(ACME, "alice", "10.0.0.5", T0);
        b.success(ACME, "alice", "10.0.0.6", T0.plus(Duration.ofDays(1)));
        b.success(ACME, "alice", "10.0.0.5", T0.plus(Duration.ofDays(2)));
        Instant later = T0.plus(Duration.ofDays(13));

        LogonSourceBaselines.Finding f = b.success(ACME, "alice", "203.0.113.9", later).orElseThrow();

        assertEquals("first successful logon of alice from 203.0.113.9; 3 earlier logons came from 2 sources, "
                + "the last new one 12 days ago", f.explanation());
        assertFalse(f.afterFailures());
        assertEquals(Optional.empty(), b.success(ACME, "alice", "203.0.113.9", later.plusSeconds(60)));
        assertEquals(2, b.sourceCount(ACME, "alice", "203.0.113.9"));
    }

    @Test
    void failuresFromTheSameSourceJustBeforeMakeItAGuessedPassword() {
        LogonSourceBaselines b = baselines(2);
        b.success(ACME, "bob", "10.0.0.5", T0);
        b.success(ACME, "bob", "10.0.0.5", T0.plusSeconds(10));
        for (int i = 0; i < 7; i++) {
            b.failure(ACME, "bob", "203.0.113.9", T0.plus(Duration.ofHours(2)).plusSeconds(i));
        }

        LogonSourceBaselines.Finding f = b.success(ACME, "bob", "203.0.113.9", T0.plus(Duration.ofHours(2)).plusSeconds(60))
                .orElseThrow();

        assertTrue(f.afterFailures());
        assertEquals(7, f.recentFailures());
        assertTrue(f.explanation().startsWith("first successful logon of bob from 203.0.113.9, right after 7 failed "
                + "logons from it;"), f.explanation());
    }

    @Test
    void failuresOlderThanTheWindowOrFromAnotherSourceDoNotCount() {
        LogonSourceBaselines b = baselines(1);
        b.success(ACME, "bob", "10.0.0.5", T0);
        b.failure(ACME, "bob", "203.0.113.9", T0);
        b.failure(ACME, "bob", "198.51.100.7", T0.plus(Duration.ofHours(2)));

        LogonSourceBaselines.Finding f = b.success(ACME, "bob", "203.0.113.9", T0.plus(Duration.ofHours(2))).orElseThrow();

        assertEquals(0, f.recentFailures());
    }

    @Test
    void failedLogonsNeverWarmUpOrFeedTheBaseline() {
        LogonSourceBaselines b = baselines(2);
        for (int i = 0; i < 50; i++) {
            b.failure(ACME, "alice", "203.0.113.9", T0.plusSeconds(i));
        }
        assertFalse(b.warm(ACME, "alice"));
        assertEquals(0, b.sourceCount(ACME, "alice", "203.0.113.9"));
    }

    @Test
    void tenantsNeverShareABaseline() {
        LogonSourceBaselines b = baselines(2);
        b.success(GLOBEX, "alice", "10.0.0.5", T0);
        b.success(GLOBEX, "alice", "10.0.0.5", T0);
        b.success(GLOBEX, "alice", "203.0.113.9", T0);

        assertFalse(b.warm(ACME, "alice"), "globex's logons do not warm acme's alice up");
        assertEquals(0, b.sourceCount(ACME, "alice", "10.0.0.5"));
        b.success(ACME, "alice", "198.51.100.1", T0);
        b.success(ACME, "alice", "198.51.100.1", T0);
        assertTrue(b.success(ACME, "alice", "10.0.0.5", T0).isPresent(), "a source known to globex is new for acme");
    }

    @Test
    void theLeastRecentlySeenUserAndSourceAreEvicted() {
        LogonSourceBaselines b = new LogonSourceBaselines(1, 2, 2, 10, Duration.ofMinutes(30));
        b.success(ACME, "a", "s1", T0);
        b.success(ACME, "a", "s2", T0);
        b.success(ACME, "a", "s1", T0);
        b.success(ACME, "a", "s3", T0);
        assertEquals(List.of("s1", "s3"), b.sources(ACME, "a"), "s2 was least recently seen");

        b.success(ACME, "b", "s1", T0);
        b.success(ACME, "a", "s1", T0);
        b.success(ACME, "c", "s1", T0);
        assertTrue(b.warm(ACME, "a"));
        assertFalse(b.warm(ACME, "b"), "b was least recently seen");
        assertEquals(2, b.evictions());
    }

    @Test
    void aSprayOverManyInventedUsersDoesNotEvictRealBaselines() {
        LogonSourceBaselines b = new LogonSourceBaselines(1, 2, 10, 10, Duration.ofMinutes(30));
        b.success(ACME, "alice", "10.0.0.5", T0);
        for (int i = 0; i < 1_000; i++) {
            b.failure(ACME, "user" + i, "203.0.113.9", T0.plusSeconds(i));
        }
        assertTrue(b.warm(ACME, "alice"));
        assertEquals(0, b.evictions());
    }

    @Test
    void anExportRestoresToTheSameBaseline() {
        LogonSourceBaselines b = baselines(2);
        b.success(ACME, "alice", "10.0.0.5", T0);
        b.success(ACME, "alice", "10.0.0.6", T0.plusSeconds(5));
        LogonSourceBaselines copy = baselines(2);

        copy.restore(ACME, b.export(ACME));

        assertEquals(b.export(ACME), copy.export(ACME));
        assertTrue(copy.warm(ACME, "alice"));
        assertEquals(Optional.empty(), copy.success(ACME, "alice", "10.0.0.6", T0.plusSeconds(60)));
    }
}
