package dev.vigil.detect.rules;

import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantIdConverter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** A user's decision to switch a rule or filter off or back on (table {@code rule_states}). */
@MappedEntity("rule_states")
public record StoredRuleState(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String ruleId,
        boolean enabled,
        @Nullable String reason,
        String changedBy,
        Instant changedAt) {
}
