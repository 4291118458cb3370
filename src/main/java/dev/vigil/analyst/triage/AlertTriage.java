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
 * @param features     the feature vector the alert was scored with (comma-separated floats), kept so that a verdict
 *                     trains on exactly what the model saw; null for rows scored before features were kept
 * @param schemaHash   the feature schema {@code features} follows
 */
@MappedEntity("alert_triage")
public record AlertTriage(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        @Nullable Double probability,
        String priority,
        String explanation,
        String modelVersion,
        Instant scoredAt,
        @Nullable String features,
        @Nullable String schemaHash) {

    /** The stored feature vector if it follows {@code schema}, else empty. */
    public java.util.Optional<float[]> featuresFor(FeatureSchema schema) {
        if (features == null || !schema.hash().equals(schemaHash)) {
            return java.util.Optional.empty();
        }
        String[] parts = features.split(",");
        if (parts.length != schema.size()) {
            return java.util.Optional.empty();
        }
        float[] x = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            x[i] = Float.parseFloat(parts[i]);
        }
        return java.util.Optional.of(x);
    }

    /** The text form of a feature vector as stored in {@code features}: exact (shortest round-tripping) floats. */
    public static String encode(float[] x) {
        StringBuilder b = new StringBuilder(x.length * 8);
        for (int i = 0; i < x.length; i++) {
            b.append(i == 0 ? "" : ",").append(Float.toString(x[i]));
        }
        return b.toString();
    }
}
