package dev.vigil.learn;

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
 * Where an alias ({@code champion}, {@code previous}) of a tenant's model points now (table {@code model_aliases}),
 * and who moved it last, when and why. Every move is also a {@link AliasMove} row and an audit entry.
 *
 * @param id {@code <tenant>/<model>/<alias>}
 */
@MappedEntity("model_aliases")
public record ModelAlias(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String modelName,
        String alias,
        String modelId,
        String movedBy,
        Instant movedAt,
        String reason) {
}
