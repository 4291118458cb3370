package dev.vigil.tenancy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A row of the api_tokens table. Only the SHA-256 of the secret is stored; the secret is shown once, at creation.
 * A token always belongs to exactly one tenant, and every request it authenticates is scoped to that tenant.
 */
@MappedEntity("api_tokens")
public record ApiToken(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String name,
        ApiTokenScope scope,
        String tokenHash,
        Instant createdAt,
        String createdBy,
        @Nullable Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }

    public ApiToken revoked(Instant at) {
        return new ApiToken(id, tenant, name, scope, tokenHash, createdAt, createdBy, at);
    }
}
