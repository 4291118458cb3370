package dev.vigil.tenancy.users;

import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Local console accounts: sign-in with lockout, adding, password changes, roles, disabling and enabling.
 *
 * <p>Guarantees: passwords are stored only as Argon2id hashes and must pass the {@link PasswordPolicy}; a password an
 * admin sets (or the appliance generates) must be changed at the next sign-in; every change and every sign-in, failed
 * sign-in and lock is audited in the same transaction as the change; sign-in answers never reveal whether a user name
 * exists (same message, same lock behaviour, a hash computed either way); a tenant is never left without an enabled
 * admin by a role change or a disable.
 */
@Singleton
public class Users {

    /** The name of the first admin created at first start. */
    public static final String FIRST_ADMIN = "admin";
    /** Length of generated one-time passwords. */
    public static final int ONE_TIME_PASSWORD_LENGTH = 20;
    static final String WRONG = "Wrong user name or password.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final Secrets secrets;
    private final LockoutPolicy lockout;
    private final AuditTrail audit;
    private final Clock clock;
    private final UnknownNameLockouts unknown;
    private final String dummyHash;

    public Users(UserRepository users, SessionRepository sessions, PasswordHasher hasher, Secrets secrets,
                 LockoutPolicy lockout, AuditTrail audit, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.secrets = secrets;
        this.lockout = lockout;
        this.audit = audit;
        this.clock = clock;
        this.unknown = new UnknownNameLockouts(lockout);
        this.dummyHash = hasher.hash(secrets.password(ONE_TIME_PASSWORD_LENGTH));
    }

    /** Checks a user name's form; throws with the rule it breaks. */
    public static String checkName(String username) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("invalid user name '" + username
                    + "': use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return username;
    }

    /**
     * Checks a password for a user of the tenant, counting failures and locking as the {@link LockoutPolicy} says.
     * Writes user.login, user.login-failed or user.locked.
     */
    @Transactional
    public SignIn signIn(TenantId tenant, String username, String password) {
        Instant now = clock.instant();
        String name = username == null ? "" : username.trim();
        Optional<User> found = NAME.matcher(name).matches() ? users.findByTenantAndUsername(tenant, name) : Optional.empty();
        if (found.isEmpty()) {
            String key = tenant.value() + "/" + name;
            Optional<Instant> locked = unknown.lockedUntil(key, now);
            if (locked.isPresent()) {
                return lockedAnswer(locked.get());
            }
            hasher.matches(password == null ? "" : password, dummyHash); // same work as for a real account
            Optional<Instant> until = unknown.fail(key, now);
            audit.append(new AuditRecord(auditName(name), "none", tenant, "user.login-failed", "unknown-user", null,
                    "{\"reason\":\"unknown user\"}"));
            return until.<SignIn>map(this::lockedAnswer).orElse(new SignIn.Refused(WRONG));
        }
        User user = found.get();
        if (user.lockedAt(now)) {
            return lockedAnswer(user.lockedUntil());
        }
        boolean matches = hasher.matches(password == null ? "" : password, user.passwordHash());
        if (matches && !user.disabled()) {
            if (user.failedAttempts() > 0 || user.lockedUntil() != null) {
                user = users.update(user.withFailures(0, null));
            }
            audit.append(new AuditRecord(user.username(), user.role().label(), tenant, "user.login", user.id(), null,
                    user.describe()));
            return new SignIn.Success(user);
        }
        int failures = user.failedAttempts() + 1;
        Optional<Instant> until = lockout.lockedUntil(failures, now);
        User failed = users.update(user.withFailures(failures, until.orElse(null)));
        String reason = user.disabled() ? "disabled" : "wrong password";
        audit.append(new AuditRecord(user.username(), user.role().label(), tenant, "user.login-failed", user.id(), null,
                "{\"reason\":\"" + reason + "\",\"failures\":" + failures + "}"));
        if (until.isPresent()) {
            audit.append(new AuditRecord(user.username(), user.role().label(), tenant, "user.locked", user.id(), null,
                    "{\"failures\":" + failures + ",\"until\":\"" + until.get() + "\"}"));
            return lockedAnswer(failed.lockedUntil());
        }
        return new SignIn.Refused(WRONG);
    }

    /** Adds a user; generates a one-time password unless one is given. Either way it must be changed at first sign-in. */
    @Transactional
    public IssuedPassword add(TenantId tenant, String username, UserRole role, @Nullable String password, String actor,
                              String actorRole) {
        checkName(username);
        if (users.findByTenantAndUsername(tenant, username).isPresent()) {
            throw new IllegalArgumentException("a user named '" + username + "' already exists in tenant " + tenant);
        }
        String chosen = password != null ? password : secrets.password(ONE_TIME_PASSWORD_LENGTH);
        PasswordPolicy.check(username, chosen);
        Instant now = clock.instant();
        User user = users.save(new User(UUID.randomUUID().toString(), tenant, username, hasher.hash(chosen), role, false,
                true, 0, null, now, now));
        audit.append(new AuditRecord(actor, actorRole, tenant, "user.add", user.id(), null, user.describe()));
        return new IssuedPassword(user, password == null ? chosen : null);
    }

    /**
     * Creates the tenant's first admin, {@value #FIRST_ADMIN}, if the tenant has no user yet; returns its one-time
     * password (the given one, or a generated one), or empty when users already exist.
     */
    @Transactional
    public Optional<String> ensureFirstAdmin(TenantId tenant, @Nullable String presetPassword) {
        if (!users.findByTenantOrderByUsername(tenant).isEmpty()) {
            return Optional.empty();
        }
        String password = presetPassword != null ? presetPassword : secrets.password(ONE_TIME_PASSWORD_LENGTH);
        add(tenant, FIRST_ADMIN, UserRole.ADMIN, password, "system", "system");
        return Optional.of(password);
    }

    /** An admin sets (or has generated) a new one-time password; the user's sessions end. */
    @Transactional
    public IssuedPassword resetPassword(TenantId tenant, String username, @Nullable String password, String actor,
                                        String actorRole) {
        User user = require(tenant, username);
        String chosen = password != null ? password : secrets.password(ONE_TIME_PASSWORD_LENGTH);
        PasswordPolicy.check(username, chosen);
        User changed = users.update(user.withPassword(hasher.hash(chosen), true, clock.instant()));
        sessions.deleteByTenantAndUserId(tenant, user.id());
        audit.append(new AuditRecord(actor, actorRole, tenant, "user.passwd", user.id(), user.describe(), changed.describe()));
        return new IssuedPassword(changed, password == null ? chosen : null);
    }

    /** A signed-in user changes their own password, proving the current one; clears the must-change flag. */
    @Transactional
    public User changeOwnPassword(TenantId tenant, String userId, String current, String replacement) {
        User user = users.findByTenantAndId(tenant, userId)
                .orElseThrow(() -> new IllegalArgumentException("no such user in tenant " + tenant));
        if (!hasher.matches(current == null ? "" : current, user.passwordHash())) {
            throw new IllegalArgumentException("the current password is wrong");
        }
        PasswordPolicy.check(user.username(), replacement);
        if (hasher.matches(replacement, user.passwordHash())) {
            throw new IllegalArgumentException("the new password must differ from the current one");
        }
        User changed = users.update(user.withPassword(hasher.hash(replacement), false, clock.instant()));
        audit.append(new AuditRecord(user.username(), user.role().label(), tenant, "user.passwd", user.id(),
                user.describe(), changed.describe()));
        return changed;
    }

    /** Changes a user's role; refuses to leave the tenant without an enabled admin. */
    @Transactional
    public User setRole(TenantId tenant, String username, UserRole role, String actor, String actorRole) {
        User user = require(tenant, username);
        if (user.role() == role) {
            return user;
        }
        keepAnAdmin(user);
        User changed = users.update(user.withRole(role, clock.instant()));
        audit.append(new AuditRecord(actor, actorRole, tenant, "user.role", user.id(), user.describe(), changed.describe()));
        return changed;
    }

    /** Disables a user and ends their sessions; refuses to disable the tenant's last enabled admin. */
    @Transactional
    public User disable(TenantId tenant, String username, String actor, String actorRole) {
        User user = require(tenant, username);
        if (user.disabled()) {
            return user;
        }
        keepAnAdmin(user);
        User changed = users.update(user.withDisabled(true, clock.instant()));
        sessions.deleteByTenantAndUserId(tenant, user.id());
        audit.append(new AuditRecord(actor, actorRole, tenant, "user.disable", user.id(), user.describe(),
                changed.describe()));
        return changed;
    }

    /** Enables a disabled user again (their password and its must-change flag are unchanged). */
    @Transactional
    public User enable(TenantId tenant, String username, String actor, String actorRole) {
        User user = require(tenant, username);
        if (!user.disabled()) {
            return user;
        }
        User changed = users.update(user.withDisabled(false, clock.instant()));
        audit.append(new AuditRecord(actor, actorRole, tenant, "user.enable", user.id(), user.describe(),
                changed.describe()));
        return changed;
    }

    public List<User> list(TenantId tenant) {
        return users.findByTenantOrderByUsername(tenant);
    }

    public Optional<User> find(TenantId tenant, String userId) {
        return users.findByTenantAndId(tenant, userId);
    }

    private User require(TenantId tenant, String username) {
        return users.findByTenantAndUsername(tenant, username)
                .orElseThrow(() -> new IllegalArgumentException("no user named '" + username + "' in tenant " + tenant));
    }

    private void keepAnAdmin(User user) {
        if (user.role() == UserRole.ADMIN && !user.disabled()
                && users.countByTenantAndRoleAndDisabled(user.tenant(), UserRole.ADMIN, false) <= 1) {
            throw new IllegalArgumentException("'" + user.username() + "' is the last enabled admin of tenant "
                    + user.tenant() + ": make another user admin first");
        }
    }

    private SignIn lockedAnswer(Instant until) {
        return new SignIn.Locked(until, "Too many failed sign-ins. Try again after " + AT.format(until) + ".");
    }

    private static String auditName(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9._@-]", "?");
        return clean.isEmpty() ? "?" : clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
