package dev.vigil.detect.correlation;

import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleMatch;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates Sigma correlation rules over a stream of rule matches, with bounded state.
 *
 * <p>Semantics (the specification leaves these to the tool; docs/detection-correlation.md explains them):
 * <ul>
 *   <li>State is keyed by tenant, correlation rule and the values of its {@code group-by} fields (aliases resolved per
 *   referenced rule): matches of different tenants never meet. A match lacking a group-by field (or with an empty
 *   value) does not take part and is counted as ungrouped.</li>
 *   <li>Windows follow event time, not arrival: a group holds matches at most {@code timespan} apart, edges
 *   inclusive (a match exactly {@code timespan} after the oldest is inside, a millisecond later is not). A match older
 *   than the group's newest by more than {@code timespan} is late: counted and dropped.</li>
 *   <li>When the measure can only grow (counts, distinct values, rules seen, sums) and the condition has only lower
 *   bounds ({@code gt}, {@code gte}; the temporal default), the window slides and the rule fires as soon as the
 *   condition holds. Otherwise (an {@code lt}, {@code lte}, {@code eq} or {@code neq} bound, or an average or
 *   percentile) the window is fixed, starting at the group's oldest match, and is decided once it has closed: when a
 *   later match of the group, or the tenant's event time, passes its end (see {@link #advance}).</li>
 *   <li>After a group fires, its window starts empty: one burst fires once.</li>
 *   <li>Correlations may refer to correlations: a firing is offered again as a match of its rule (up to a depth of 8,
 *   so a reference cycle cannot loop).</li>
 * </ul>
 * Bounded: at most {@code maxGroups} groups per correlation rule (the least recently used is evicted) and
 * {@code maxEntries} matches per group (the oldest is dropped); both are counted in {@link #stats()}. Not
 * thread-safe: call it from one thread in event order. State lives in memory only and is empty after a restart.
 */
public final class CorrelationEngine {

    /** Default bound on groups per correlation rule. */
    public static final int DEFAULT_MAX_GROUPS = 10_000;
    /** Default bound on matches kept per group. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private static final int MAX_CHAIN_DEPTH = 8;
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private final List<CorrelationRule> rules;
    private final int maxGroups;
    private final int maxEntries;
    private final Map<String, List<Reference>> byReference = new HashMap<>();
    private final List<LinkedHashMap<GroupKey, Window>> groups = new ArrayList<>();
    private final Map<TenantId, Instant> lastSweep = new HashMap<>();
    private long arrivals;
    private long evictedGroups;
    private long droppedEntries;
    private long ungrouped;
    private long late;
    private long nonNumeric;
    private long chainTooDeep;

    /** Where a rule id or name is referenced: which correlation, at which position of its rules. */
    private record Reference(int correlation, int position) {
    }

    private record GroupKey(TenantId tenant, Map<String, String> values) {
    }

    /** A detection match, or a correlation firing offered to the correlations that refer to it. */
    private record Incoming(String ruleId, String ruleName, NormalizedEvent event, Instant time, List<String> eventIds,
                            List<MatchedField> matched) {

        static Incoming of(RuleMatch match) {
            NormalizedEvent event = match.event();
            return new Incoming(match.ruleId(), match.ruleName(), event, event.timestamp(), List.of(event.id()), match.matched());
        }

        static Incoming of(CorrelationFiring firing) {
            CorrelationRule rule = firing.rule();
            return new Incoming(rule.id(), rule.name(), firing.lastEvent(), firing.lastSeen(), firing.eventIds(), firing.matched());
        }

        /** The value of a field on the event, else among the matched fields (a chained firing's group), else null. */
        String value(String field) {
            String value = event.text(field);
            if (value != null && !value.isEmpty()) {
                return value;
            }
            return matched.stream().filter(m -> m.field().equals(field) && !m.value().isEmpty()).map(MatchedField::value)
                    .findFirst().orElse(null);
        }
    }

    /**
     * What bounded state has cost so far.
     *
     * @param groups           groups held now, all rules and tenants
     * @param evictedGroups    groups evicted because a rule reached its group bound
     * @param droppedEntries   matches dropped because a group reached its match bound
     * @param ungroupedMatches matches that lacked a group-by field
     * @param lateMatches      matches older than their group's window, dropped
     * @param nonNumericValues values that value_sum, value_avg or a percentile could not read as a number, skipped
     * @param chainTooDeep     firings not offered on because the chain of correlations was deeper than 8
     */
    public record Stats(int groups, long evictedGroups, long droppedEntries, long ungroupedMatches, long lateMatches,
                        long nonNumericValues, long chainTooDeep) {
    }

    /** An engine with explicit bounds (each at least 1). */
    public CorrelationEngine(List<CorrelationRule> rules, int maxGroups, int maxEntries) {
        if (maxGroups < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("bounds must be at least 1, got maxGroups " + maxGroups + ", maxEntries " + maxEntries);
        }
        this.rules = List.copyOf(rules);
        this.maxGroups = maxGroups;
        this.maxEntries = maxEntries;
        for (int c = 0; c < this.rules.size(); c++) {
            List<String> referenced = this.rules.get(c).rules();
            for (int p = 0; p < referenced.size(); p++) {
                byReference.computeIfAbsent(referenced.get(p), k -> new ArrayList<>()).add(new Reference(c, p));
            }
            groups.add(new LinkedHashMap<>(16, 0.75f, true));
        }
    }

    /** An engine with the default bounds: 10,000 groups per correlation rule, 10,000 matches per group. */
    public CorrelationEngine(List<CorrelationRule> rules) {
        this(rules, DEFAULT_MAX_GROUPS, DEFAULT_MAX_ENTRIES);
    }

    /** The rules this engine evaluates. */
    public List<CorrelationRule> rules() {
        return rules;
    }

    /**
     * Ids and names of rules (detection or correlation) that must not raise alerts of their own: referenced by a
     * correlation that does not {@code generate} them, and by none that does.
     */
    public Set<String> suppressedRules() {
        Set<String> suppressed = new HashSet<>();
        Set<String> generated = new HashSet<>();
        for (CorrelationRule rule : rules) {
            (rule.generate() ? generated : suppressed).addAll(rule.rules());
        }
        suppressed.removeAll(generated);
        return Set.copyOf(suppressed);
    }

    /**
     * Takes one match (in event order) and returns what fired: the correlations it completes, chained ones included
     * (inner firings before the outer ones they complete), and the fixed windows of its tenant that its event time
     * closed. Every firing is returned, also those of correlations that {@link #suppressedRules()} lists.
     */
    public List<CorrelationFiring> offer(RuleMatch match) {
        List<CorrelationFiring> firings = new ArrayList<>();
        route(Incoming.of(match), firings, 0);
        TenantId tenant = match.event().tenant();
        Instant now = match.event().timestamp();
        Instant previous = lastSweep.get(tenant);
        if (previous == null || !now.isBefore(previous.plus(SWEEP_EVERY))) {
            lastSweep.put(tenant, now);
            sweep(tenant, now, firings);
        }
        return firings;
    }

    /**
     * Moves every tenant's event time to {@code watermark}: decides the fixed windows that ended before it (their
     * firings, and the chained ones, are returned) and drops the matches and groups that no window can use any more.
     * Call it when the stream has gone quiet, so that windows with upper-bound conditions are decided.
     */
    public List<CorrelationFiring> advance(Instant watermark) {
        List<CorrelationFiring> firings = new ArrayList<>();
        sweep(null, watermark, firings);
        return firings;
    }

    public Stats stats() {
        return new Stats(groups.stream().mapToInt(Map::size).sum(), evictedGroups, droppedEntries, ungrouped, late, nonNumeric,
                chainTooDeep);
    }

    /** Expires and decides windows of one tenant (or, with null, all) at the watermark; chains what fires. */
    private void sweep(TenantId tenant, Instant watermark, List<CorrelationFiring> firings) {
        List<CorrelationFiring> decided = new ArrayList<>();
        for (int c = 0; c < rules.size(); c++) {
            CorrelationRule rule = rules.get(c);
            Iterator<Map.Entry<GroupKey, Window>> it = groups.get(c).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<GroupKey, Window> entry = it.next();
                Window window = entry.getValue();
                if (tenant != null && !entry.getKey().tenant().equals(tenant)) {
                    continue;
                }
                if (slides(rule)) {
                    window.removeBefore(watermark.minus(rule.timespan()));
                } else if (!window.isEmpty() && window.first().time().plus(rule.timespan()).isBefore(watermark)) {
                    CorrelationFiring firing = decide(rule, entry.getKey(), window);
                    if (firing != null) {
                        decided.add(firing);
                    }
                    window.clear();
                }
                if (window.isEmpty()) {
                    it.remove();
                }
            }
        }
        for (CorrelationFiring firing : decided) {
            firings.add(firing);
            route(Incoming.of(firing), firings, 1);
        }
    }

    private void route(Incoming incoming, List<CorrelationFiring> firings, int depth) {
        if (depth > MAX_CHAIN_DEPTH) {
            chainTooDeep++;
            return;
        }
        List<Reference> references = new ArrayList<>(byReference.getOrDefault(incoming.ruleId(), List.of()));
        if (incoming.ruleName() != null && !incoming.ruleName().equals(incoming.ruleId())) {
            references.addAll(byReference.getOrDefault(incoming.ruleName(), List.of()));
        }
        for (Reference reference : references) {
            CorrelationRule rule = rules.get(reference.correlation());
            String referencedAs = rule.rules().get(reference.position());
            Map<String, String> values = groupValues(rule, referencedAs, incoming);
            if (values == null) {
                ungrouped++;
                continue;
            }
            GroupKey key = new GroupKey(incoming.event().tenant(), values);
            CorrelationFiring firing = accept(reference.correlation(), key, contribution(rule, reference.position(), referencedAs, incoming));
            if (firing != null) {
                firings.add(firing);
                route(Incoming.of(firing), firings, depth + 1);
            }
        }
    }

    /** Adds one match to its group's window; returns the firing it causes, if any. */
    private CorrelationFiring accept(int correlation, GroupKey key, Contribution match) {
        CorrelationRule rule = rules.get(correlation);
        Window window = group(correlation, key);
        CorrelationFiring closed = null;
        if (!window.isEmpty()) {
            if (match.time().isBefore(window.last().time().minus(rule.timespan()))) {
                late++;
                return null;
            }
            if (slides(rule)) {
                window.removeBefore(match.time().minus(rule.timespan()));
            } else if (window.first().time().plus(rule.timespan()).isBefore(match.time())) {
                closed = decide(rule, key, window);
                window.clear();
            }
        }
        if (window.size() >= maxEntries) {
            window.removeFirst();
            droppedEntries++;
        }
        window.add(match);
        if (closed != null || !slides(rule)) {
            return closed;
        }
        CorrelationFiring firing = decide(rule, key, window);
        if (firing != null) {
            window.clear();
        }
        return firing;
    }

    private Window group(int correlation, GroupKey key) {
        LinkedHashMap<GroupKey, Window> table = groups.get(correlation);
        Window window = table.get(key);
        if (window == null) {
            if (table.size() >= maxGroups) {
                Iterator<GroupKey> eldest = table.keySet().iterator();
                eldest.next();
                eldest.remove();
                evictedGroups++;
            }
            window = new Window();
            table.put(key, window);
        }
        return window;
    }

    /** True when the rule fires as soon as its condition holds on a sliding window (see the class comment). */
    private static boolean slides(CorrelationRule rule) {
        return rule.type().growing() && rule.condition().lowerBoundsOnly();
    }

    private static CorrelationFiring decide(CorrelationRule rule, GroupKey key, Window window) {
        Window.Measure measure = window.measure(rule);
        if (Double.isNaN(measure.value()) || !rule.condition().holds(measure.value())) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (Contribution entry : window.entries()) {
            if (measure.subject() == null || measure.subject().equals(entry.value())) {
                ids.addAll(entry.eventIds());
            }
        }
        MatchedField subject = measure.subject() == null ? null
                : new MatchedField(String.join(",", rule.condition().fields()), String.join(",", measure.subject()));
        return new CorrelationFiring(rule, key.tenant(), key.values(), window.first().time(), window.last().time(), ids,
                measure.value(), subject, window.last().event());
    }

    private Contribution contribution(CorrelationRule rule, int position, String referencedAs, Incoming incoming) {
        List<String> value = null;
        if (!rule.condition().fields().isEmpty()) {
            value = new ArrayList<>();
            for (String field : rule.condition().fields()) {
                String text = incoming.value(rule.fieldFor(field, referencedAs));
                if (text == null) {
                    value = null;
                    break;
                }
                value.add(text);
            }
        }
        BigDecimal number = null;
        if (value != null && numeric(rule)) {
            number = Numbers.parse(value.getFirst());
            if (number == null) {
                nonNumeric++;
            }
        }
        return new Contribution(incoming.time(), arrivals++, position, incoming.eventIds(), value == null ? null : List.copyOf(value),
                number, incoming.event());
    }

    private static boolean numeric(CorrelationRule rule) {
        return switch (rule.type()) {
            case VALUE_SUM, VALUE_AVG -> true;
            case VALUE_PERCENTILE -> rule.condition().percentile() != null;
            default -> false;
        };
    }

    private static Map<String, String> groupValues(CorrelationRule rule, String referencedAs, Incoming incoming) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : rule.groupBy()) {
            String value = incoming.value(rule.fieldFor(name, referencedAs));
            if (value == null) {
                return null;
            }
            values.put(name, value);
        }
        return values;
    }
}
