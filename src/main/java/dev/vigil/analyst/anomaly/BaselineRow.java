package dev.vigil.analyst.anomaly;

import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantIdConverter;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * A chunk of one tenant's persisted baselines of one kind (table {@code anomaly_baselines}): id
 * {@code <tenant>/<kind>/<seqNo>}, where {@code seqNo} keeps the least-recently-seen order the bounds evict by;
 * {@code entity} names the chunk's first and last host or user; {@code payload} is their states as a JSON array.
 */
@MappedEntity("anomaly_baselines")
public record BaselineRow(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String kind,
        int seqNo,
        String entity,
        String payload,
        Instant savedAt) {
}
