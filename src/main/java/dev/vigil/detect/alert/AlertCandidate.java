package dev.vigil.detect.alert;

import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What detection hands to alerting: one rule (detection or correlation) firing on one or more events. Alerting
 * decides whether it becomes a new alert or is folded into an open one with the same rule and group key inside the
 * deduplication window.
 *
 * @param tenant    owning tenant (from the events; never mixed)
 * @param ruleId    the firing rule's id
 * @param title     the firing rule's title
 * @param level     the firing rule's level
 * @param tags      the rule's tags ({@code attack.t1059.001}, ...)
 * @param kind      whether a single-event detection rule or a correlation rule fired
 * @param firstSeen time of the earliest event
 * @param lastSeen  time of the latest event
 * @param eventIds  ids ({@link dev.vigil.event.EventIds}) of the events that made the rule fire, oldest first
 * @param matched   the fields and values that matched (for correlation: the group-by fields and their values)
 * @param groupKey  deduplication key within the rule (for example host and user); never null, may be empty
 */
public record AlertCandidate(TenantId tenant, String ruleId, String title, RuleLevel level, List<String> tags,
                             AlertKind kind, Instant firstSeen, Instant lastSeen, List<String> eventIds,
                             List<MatchedField> matched, String groupKey) {

    public AlertCandidate {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(groupKey, "groupKey");
        tags = List.copyOf(tags);
        eventIds = List.copyOf(eventIds);
        matched = List.copyOf(matched);
    }
}
