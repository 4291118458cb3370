package dev.vigil.analyst;

import dev.vigil.detect.alert.Alert;
import dev.vigil.tenancy.TenantId;

/**
 * How unusual the entities of one alert are against the tenant's own behavioural baselines: a triage feature and part
 * of its explanation.
 *
 * <p>Guarantees of every implementation: only the baselines of {@code tenant} are consulted; a cheap lookup (no model
 * inference, no store search); when anomaly scoring is unavailable or switched off the answer is
 * {@link AnomalySignal#NONE}, never an error.
 */
public interface AnomalySignals {

    /** The anomaly signal for the alert's host, user, process and parent. */
    AnomalySignal signal(TenantId tenant, Alert alert);
}
