package dev.vigil.tenancy.users;

import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantIdConverter;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * A row of the sessions table. The id is the SHA-256 (hex) of the cookie's secret, which is never stored;
 * {@code csrfToken} is what every state-changing request of this session must present.
 */
@MappedEntity("sessions")
public record Session(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String userId,
        Instant createdAt,
        Instant lastSeen,
        String csrfToken) {

    Session seenAt(Instant at) {
        return new Session(id, tenant, userId, createdAt, at, csrfToken);
    }
}
