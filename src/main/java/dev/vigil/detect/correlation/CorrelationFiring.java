package dev.vigil.detect.correlation;

import dev.vigil.detect.MatchedField;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A correlation rule whose condition held for one group of one tenant.
 *
 * <p>Guarantees: immutable; every contributing event belongs to {@code tenant}; {@code group} keeps the rule's
 * group-by order; {@code eventIds} are distinct, oldest first, at most {@link #MAX_EVENT_IDS}.
 *
 * @param rule      the correlation rule
 * @param tenant    the tenant of every contributing event
 * @param group     the group-by names and their values, in group-by order
 * @param firstSeen the earliest contributing event's time
 * @param lastSeen  the latest contributing event's time
 * @param eventIds  contributing event ids, oldest first (bounded)
 * @param value     the measure that met the condition (count, distinct values, rules seen, sum, average, percentile,
 *                  share in percent)
 * @param subject   for a value_percentile share: the condition field and the value whose share met the condition;
 *                  null otherwise
 * @param lastEvent the latest contributing event (chained correlations read their group-by fields on it)
 */
public record CorrelationFiring(CorrelationRule rule, TenantId tenant, Map<String, String> group, Instant firstSeen,
                                Instant lastSeen, List<String> eventIds, double value, MatchedField subject,
                                NormalizedEvent lastEvent) {

    /** The most contributing event ids a firing carries. */
    public static final int MAX_EVENT_IDS = 100;

    public CorrelationFiring {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(lastEvent, "lastEvent");
        group = Collections.unmodifiableMap(new LinkedHashMap<>(group));
        eventIds = eventIds.stream().distinct().limit(MAX_EVENT_IDS).toList();
    }

    /** The group-by fields and values (and the subject of a value share): what the correlated events share. */
    public List<MatchedField> matched() {
        List<MatchedField> fields = new ArrayList<>();
        group.forEach((name, value) -> fields.add(new MatchedField(name, value)));
        if (subject != null) {
            fields.add(subject);
        }
        return fields;
    }

    /** The group-by values as one stable key: {@code User=alice;Computer=dc1}, in group-by order. */
    public String groupKey() {
        StringBuilder key = new StringBuilder();
        group.forEach((name, value) -> key.append(key.isEmpty() ? "" : ";").append(name).append('=').append(value));
        return key.toString();
    }

    /** The alert this firing raises: kind CORRELATION, the rule's id, title, level and tags. */
    public AlertCandidate toAlertCandidate() {
        return new AlertCandidate(tenant, rule.id(), rule.title(), rule.level(), rule.tags(), AlertKind.CORRELATION, firstSeen,
                lastSeen, eventIds, matched(), groupKey());
    }
}
