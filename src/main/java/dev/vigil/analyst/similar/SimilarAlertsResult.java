package dev.vigil.analyst.similar;

import dev.vigil.analyst.SimilarVerdictSummary;

import java.util.List;
import java.util.Objects;

/**
 * The nearest past alerts of one alert, or why there are none.
 *
 * @param alertId the alert asked about
 * @param enabled false when similarity is switched off for the tenant (then {@code alerts} is empty)
 * @param reason  why there are no suggestions (the switch and its fallback), null when enabled
 * @param alerts  nearest first
 * @param verdicts the verdicts of the similar closed alerts ({@link SimilarVerdictSummary#NONE} when switched off)
 */
public record SimilarAlertsResult(String alertId, boolean enabled, String reason, List<SimilarAlert> alerts,
                                  SimilarVerdictSummary verdicts) {

    public SimilarAlertsResult {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(verdicts, "verdicts");
        alerts = List.copyOf(alerts);
        if (!enabled && !alerts.isEmpty()) {
            throw new IllegalArgumentException("similarity switched off yet " + alerts.size() + " alerts suggested");
        }
        if (!enabled && !verdicts.equals(SimilarVerdictSummary.NONE)) {
            throw new IllegalArgumentException("similarity switched off yet verdicts summarised: " + verdicts);
        }
    }
}
