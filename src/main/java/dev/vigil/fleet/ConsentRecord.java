package dev.vigil.fleet;

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
 * A row of the append-only consent_history table: one change of one scope of one tenant. Rows are only inserted;
 * the current state of a scope is the row with the highest {@code seq}.
 */
@MappedEntity("consent_history")
public record ConsentRecord(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        ConsentScope scope,
        long seq,
        ConsentState state,
        String policyVersion,
        Instant changedAt,
        String actor,
        @Nullable String reason) {
}
