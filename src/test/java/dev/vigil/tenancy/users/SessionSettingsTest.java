package dev.vigil.tenancy.users;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a console session has ended: idle timeout and absolute lifetime. */
class SessionSettingsTest {

    private static final Instant SIGN_IN = Instant.parse("2026-11-23T08:00:00Z");
    private final SessionSettings settings = new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(12));

    private static Session seen(Instant lastSeen) {
        return new Session("h", TenantId.of("customer"), "u", SIGN_IN, lastSeen, "c");
    }

    @Test
    void aSessionUsedWithinTheIdleTimeoutIsLive() {
        assertFalse(settings.expired(seen(SIGN_IN.plusSeconds(600)), SIGN_IN.plusSeconds(600 + 29 * 60)));
    }

    @Test
    void aSessionIdleForTheTimeoutHasEnded() {
        assertTrue(settings.expired(seen(SIGN_IN), SIGN_IN.plus(Duration.ofMinutes(30))));
    }

    @Test
    void aBusySessionEndsAtItsAbsoluteLifetime() {
        Instant now = SIGN_IN.plus(Duration.ofHours(12));
        assertTrue(settings.expired(seen(now.minusSeconds(1)), now));
    }

    @Test
    void aLifetimeShorterThanTheIdleTimeoutIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SessionSettings(Duration.ofHours(1), Duration.ofMinutes(5)));
    }
}
