package dev.vigil.tenancy.users;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Console session limits ({@code vigil.console.*}), immutable once started.
 *
 * @param idleTimeout     a session unused this long ends (default 30 minutes)
 * @param sessionLifetime a session ends this long after sign-in however busy it is (default 12 hours)
 */
@ConfigurationProperties("vigil.console")
public record SessionSettings(
        @Bindable(defaultValue = "30m") Duration idleTimeout,
        @Bindable(defaultValue = "12h") Duration sessionLifetime) {

    public SessionSettings {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("vigil.console.idle-timeout must be positive, was " + idleTimeout);
        }
        if (sessionLifetime == null || sessionLifetime.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("vigil.console.session-lifetime must be at least the idle timeout, was "
                    + sessionLifetime);
        }
    }

    /** True when the session has been idle too long or has outlived its absolute lifetime at {@code now}. */
    public boolean expired(Session session, java.time.Instant now) {
        return !session.lastSeen().plus(idleTimeout).isAfter(now) || !session.createdAt().plus(sessionLifetime).isAfter(now);
    }
}
