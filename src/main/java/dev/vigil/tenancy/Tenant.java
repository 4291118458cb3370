package dev.vigil.tenancy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** A row of the tenants table: one customer organisation, or the structural fleet tenant. */
@MappedEntity("tenants")
public record Tenant(
        @Id @MappedProperty("id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId id,
        String displayName,
        TenantKind kind,
        Instant createdAt) {
}
