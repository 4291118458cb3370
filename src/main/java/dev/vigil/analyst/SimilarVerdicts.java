package dev.vigil.analyst;

import dev.vigil.detect.alert.Alert;
import dev.vigil.tenancy.TenantId;

/**
 * What the past alerts most similar to one alert concluded: a triage feature and part of its explanation.
 *
 * <p>Guarantees of every implementation: only alerts of {@code tenant} are ever considered, the alert itself is never
 * counted, and when similarity is unavailable or switched off the answer is {@link SimilarVerdictSummary#NONE},
 * never an error.
 */
public interface SimilarVerdicts {

    /** The verdicts of the nearest past closed alerts of the tenant. */
    SimilarVerdictSummary summarise(TenantId tenant, Alert alert);
}
