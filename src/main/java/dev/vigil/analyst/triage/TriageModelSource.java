package dev.vigil.analyst.triage;

import dev.vigil.tenancy.TenantId;

import java.util.Optional;

/**
 * Which triage model scores a tenant's alerts: the tenant's champion when feedback learning has promoted one, else
 * the factory model.
 *
 * <p>Guarantees of every implementation: a model is returned only if its artifact was verified (SHA-256 and feature
 * schema) when it was loaded; otherwise the answer is empty with the reason, and triage falls back to rules-only
 * severity for that tenant.
 */
public interface TriageModelSource {

    /** The model for the tenant, or why there is none. */
    Resolution resolve(TenantId tenant);

    /** A resolved model, or the reason none is in force ({@code model} empty). */
    record Resolution(Optional<TriageService.LoadedModel> model, String unavailable) {
        public static Resolution of(TriageService.LoadedModel model) {
            return new Resolution(Optional.of(model), null);
        }

        public static Resolution none(String why) {
            return new Resolution(Optional.empty(), why);
        }
    }
}
