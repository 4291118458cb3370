package dev.vigil.analyst.triage;

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
 * The triage of one alert (table {@code alert_triage}, id = the alert's id).
 *
 * @param probability  the model's probability of a true positive; null when a fallback decided
 * @param priority     P1 (look first) to P4
 * @param explanation  the reasons in plain words, separated by "; "
 * @param modelVersion the model version, or {@code fallback:<why>} when the model was not used
 */
@MappedEntity("alert_triage")
public record AlertTriage(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        @Nullable Double probability,
        String priority,
        String explanation,
        String modelVersion,
        Instant scoredAt) {
}
