package dev.vigil.analyst.incident;

import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantIdConverter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** An alert's membership of an incident (table {@code incident_alerts}); id {@code <incident>/<alert>}. */
@MappedEntity("incident_alerts")
public record IncidentAlert(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String incidentId,
        String alertId,
        Instant addedAt) {
}
