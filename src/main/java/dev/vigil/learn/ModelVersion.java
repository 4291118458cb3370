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
 * One version in a tenant's model registry (table {@code model_versions}): the factory model the tenant started from,
 * or a challenger trained from its verdicts. Rows are written once; only {@code status} and {@code reason} change
 * (a kept challenger promoted by hand, a champion retired).
 *
 * @param id             {@code <tenant>/<model>/<label>}
 * @param version        1, 2, 3 … within the tenant and model
 * @param label          the version's name, as triage results and data-use records cite it ({@code factory-1},
 *                       {@code customer-v2})
 * @param artifactSha256 SHA-256 of the ONNX artifact kept under the data directory; a mismatch refuses the load
 * @param schemaHash     the feature schema the model reads
 * @param codeVersion    the appliance version that trained it
 * @param parentLabel    the champion when it was trained (null for the factory model)
 * @param status         see {@link ModelStatus}
 * @param reason         why it has that status, in words
 * @param metrics        JSON: its metrics and the champion's on the same held-out verdicts, and the gate's checks
 * @param training       JSON: how many records, the time range, split, consent states and policy versions
 */
@MappedEntity("model_versions")
public record ModelVersion(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String modelName,
        int version,
        String label,
        String artifactSha256,
        String schemaHash,
        String codeVersion,
        @Nullable String parentLabel,
        ModelStatus status,
        String reason,
        String metrics,
        String training,
        String createdBy,
        Instant createdAt) {

    public ModelVersion withStatus(ModelStatus next, String why) {
        return new ModelVersion(id, tenant, modelName, version, label, artifactSha256, schemaHash, codeVersion, parentLabel,
                next, why, metrics, training, createdBy, createdAt);
    }
}
