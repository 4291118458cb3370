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

/** One move of an alias (table {@code model_alias_moves}): from which version to which, by whom, when, why. Never updated. */
@MappedEntity("model_alias_moves")
public record AliasMove(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String modelName,
        String alias,
        @Nullable String fromModel,
        String toModel,
        String movedBy,
        Instant movedAt,
        String reason) {
}
