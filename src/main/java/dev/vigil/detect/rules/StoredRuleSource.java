package dev.vigil.detect.rules;

import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantIdConverter;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** A rule file a tenant's user added (table {@code rule_sources}); its text may hold several Sigma documents. */
@MappedEntity("rule_sources")
public record StoredRuleSource(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String origin,
        String content,
        @MappedProperty("content_sha256") String contentSha256,
        String addedBy,
        Instant addedAt) {
}
