package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantIdConverter;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * A row of the data_use ledger: one record of one tenant used by one model or derived artefact, stamped with the
 * consent state and policy version in force when the use was recorded. Rows are never updated.
 */
@MappedEntity("data_use")
public record DataUse(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String recordKind,
        String recordId,
        ConsentScope purpose,
        String usedBy,
        ConsentState consentState,
        String policyVersion,
        Instant createdAt) {
}
