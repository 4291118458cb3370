package dev.vigil.tenancy;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

/** Stores a {@link TenantId} as its text in a VARCHAR column; reading validates it again, so a bad row fails loudly. */
@Singleton
public final class TenantIdConverter implements AttributeConverter<TenantId, String> {

    @Override
    public String convertToPersistedValue(TenantId tenant, ConversionContext context) {
        return tenant == null ? null : tenant.value();
    }

    @Override
    public TenantId convertToEntityValue(String value, ConversionContext context) {
        return value == null ? null : new TenantId(value);
    }
}
