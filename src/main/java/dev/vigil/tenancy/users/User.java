package dev.vigil.tenancy.users;

import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantIdConverter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * A row of the users table: a local console account of exactly one tenant. Only the Argon2id hash of the password is
 * kept ({@link PasswordHasher}). {@code failedAttempts} counts consecutive failed sign-ins; {@code lockedUntil} is set
 * by the {@link LockoutPolicy}.
 */
@MappedEntity("users")
public record User(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String username,
        String passwordHash,
        UserRole role,
        boolean disabled,
        boolean mustChangePassword,
        int failedAttempts,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        Instant changedAt) {

    /** True while a lock from failed sign-ins is in force. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    User withPassword(String hash, boolean mustChange, Instant at) {
        return new User(id, tenant, username, hash, role, disabled, mustChange, 0, null, createdAt, at);
    }

    User withRole(UserRole newRole, Instant at) {
        return new User(id, tenant, username, passwordHash, newRole, disabled, mustChangePassword, failedAttempts,
                lockedUntil, createdAt, at);
    }

    User withDisabled(boolean newDisabled, Instant at) {
        return new User(id, tenant, username, passwordHash, role, newDisabled, mustChangePassword, failedAttempts,
                lockedUntil, createdAt, at);
    }

    User withFailures(int failures, @Nullable Instant until) {
        return new User(id, tenant, username, passwordHash, role, disabled, mustChangePassword, failures, until,
                createdAt, changedAt);
    }

    /** The audit trail's view of the account: never the hash. */
    String describe() {
        return "{\"id\":\"" + id + "\",\"tenant\":\"" + tenant + "\",\"username\":\"" + username + "\",\"role\":\""
                + role.label() + "\",\"disabled\":" + disabled + ",\"mustChangePassword\":" + mustChangePassword + "}";
    }
}
