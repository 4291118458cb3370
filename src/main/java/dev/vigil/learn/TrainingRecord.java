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
 * One record a model version was trained or evaluated on (table {@code model_training_records}), with the consent
 * state and policy version under which the analyst gave it. Rows are never updated.
 *
 * @param id         {@code <model id>/<record id>}
 * @param recordKind what the record is ({@code verdict})
 * @param recordId   the record's id (the alert whose verdict it is)
 * @param split      {@code train} or {@code held-out}
 * @param label      the verdict
 * @param recordedAt when the verdict was given
 * @param usedAt     when training used it
 */
@MappedEntity("model_training_records")
public record TrainingRecord(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String modelId,
        String recordKind,
        String recordId,
        String split,
        String label,
        String consentState,
        String policyVersion,
        Instant recordedAt,
        Instant usedAt) {
}
