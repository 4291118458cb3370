package dev.vigil.tenancy.users;

import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantPrincipal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Console sessions: opened at sign-in, looked up by the cookie's secret on every request, ended by sign-out, idleness
 * or age.
 *
 * <p>Guarantees: the secret has 256 bits and only its SHA-256 is stored; a session past its idle timeout or absolute
 * lifetime, or whose user is disabled or gone, authenticates nothing and is deleted (expiry is not audited: nobody
 * acted; the sign-in that opened it is); the user's role is read on every request, so a role change applies at once;
 * sign-out is audited as user.logout.
 */
@Singleton
public class Sessions {

    private final SessionRepository sessions;
    private final Users users;
    private final Secrets secrets;
    private final SessionSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    public Sessions(SessionRepository sessions, Users users, Secrets secrets, SessionSettings settings, AuditTrail audit,
                    Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.secrets = secrets;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a session for a user who has just signed in. */
    @Transactional
    public OpenedSession open(User user) {
        String secret = secrets.token();
        Instant now = clock.instant();
        Session session = sessions.save(new Session(Secrets.sha256(secret), user.tenant(), user.id(), now, now,
                secrets.token()));
        return new OpenedSession(secret, session.csrfToken(), session);
    }

    /** The live session the secret stands for, if any; refreshes its last-seen time. */
    @Transactional
    public Optional<SignedIn> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<Session> found = sessions.findById(Secrets.sha256(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        Instant now = clock.instant();
        Optional<User> user = users.find(session.tenant(), session.userId());
        if (settings.expired(session, now) || user.isEmpty() || user.get().disabled()) {
            sessions.deleteByTenantAndId(session.tenant(), session.id());
            return Optional.empty();
        }
        if (Duration.between(session.lastSeen(), now).compareTo(touchEvery()) >= 0) {
            session = sessions.update(session.seenAt(now));
        }
        User u = user.get();
        return Optional.of(new SignedIn(session, u, new TenantPrincipal(u.tenant(), u.username(), u.role().scope())));
    }

    /** How stale last_seen may get before it is written again: 5 s, or a tenth of a short idle timeout. */
    private Duration touchEvery() {
        Duration tenth = settings.idleTimeout().dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(5)) < 0 ? tenth : Duration.ofSeconds(5);
    }

    /** Deletes every session past its idle timeout or lifetime (housekeeping; such sessions already authenticate nothing). */
    @Transactional
    public int purgeExpired() {
        Instant now = clock.instant();
        return sessions.deleteByLastSeenLessThanOrCreatedAtLessThan(now.minus(settings.idleTimeout()),
                now.minus(settings.sessionLifetime()));
    }

    /** Ends a session at the user's request (audited as user.logout). */
    @Transactional
    public void close(SignedIn signedIn) {
        Session s = signedIn.session();
        sessions.deleteByTenantAndId(s.tenant(), s.id());
        User u = signedIn.user();
        audit.append(new AuditRecord(u.username(), u.role().label(), u.tenant(), "user.logout", u.id(), null, null));
    }

    /** Ends every session of a user, e.g. after they changed their password, and opens a fresh one. */
    @Transactional
    public OpenedSession renew(SignedIn signedIn, User user) {
        sessions.deleteByTenantAndUserId(user.tenant(), user.id());
        return open(user);
    }
}
