package dev.vigil.detect.correlation;

import dev.vigil.detect.MatchedField;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A correlation rule whose condition held for one group.
 *
 * @param rule      the correlation rule
 * @param tenant    the tenant of every contributing event
 * @param group     the group-by names and their values
 * @param firstSeen the earliest contributing event's time
 * @param lastSeen  the latest contributing event's time
 * @param eventIds  contributing event ids, oldest first (bounded)
 * @param value     the aggregate that met the condition (count, distinct values, sum, average, share in percent)
 * @param lastEvent the event that completed the correlation (chained correlations read their group-by fields on it)
 */
public record CorrelationFiring(CorrelationRule rule, TenantId tenant, Map<String, String> group, Instant firstSeen,
                                Instant lastSeen, List<String> eventIds, double value, NormalizedEvent lastEvent) {

    public CorrelationFiring {
        group = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(group));
        eventIds = List.copyOf(eventIds);
    }

    /** The group-by fields and values, which explain what the correlated events share. */
    public List<MatchedField> matched() {
        List<MatchedField> fields = new ArrayList<>();
        group.forEach((name, value) -> fields.add(new MatchedField(name, value)));
        return fields;
    }

    /** The alert this firing raises; its group key is the group-by values. */
    public AlertCandidate toAlertCandidate() {
        StringBuilder key = new StringBuilder();
        group.forEach((name, value) -> key.append(key.isEmpty() ? "" : ";").append(name).append('=').append(value));
        return new AlertCandidate(tenant, rule.id(), rule.title(), rule.level(), rule.tags(), AlertKind.CORRELATION, firstSeen,
                lastSeen, eventIds, matched(), key.toString());
    }
}
