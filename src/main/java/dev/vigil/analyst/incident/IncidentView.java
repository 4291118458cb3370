package dev.vigil.analyst.incident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An incident as analysts read it: its alerts as a timeline, the tactic chain, the entities, and the combined score
 * with its explanation. Computed when read, from the alerts' current triage and verdicts.
 */
@Serdeable
public record IncidentView(String id, String title, String status, String openedAt, String lastAlertAt, int alertCount,
                           List<String> entities, double score, String priority, String scoreExplanation,
                           List<String> tactics, String chain, @Nullable String mergedInto, @Nullable String closedBy,
                           @Nullable String note, List<TimelineEntry> timeline) {

    /** One alert on the timeline. */
    @Serdeable
    public record TimelineEntry(String alertId, String at, String ruleId, String title, String level, List<String> tactics,
                                String priority, @Nullable Double probability, String explanation, String status,
                                @Nullable String verdict) {
    }
}
