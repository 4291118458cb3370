package dev.vigil.detect.correlation;

import dev.vigil.detect.RuleMatch;
import dev.vigil.event.NormalizedEvent;

import java.time.Instant;
import java.util.ArrayDeque;
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
 * <p>Semantics (the specification leaves these to the tool; they are documented in docs/detection-correlation.md):
 * <ul>
 *   <li>Matches are grouped per tenant and per correlation by the values of its {@code group-by} fields (aliases
 *   resolved per referenced rule); a match lacking a group-by field does not take part.</li>
 *   <li>The window slides by event time and is inclusive: events at most {@code timespan} apart correlate; an event
 *   exactly {@code timespan} after the first is inside, one a millisecond later is not.</li>
 *   <li>A condition with a lower bound ({@code gt}, {@code gte}; temporal types by default) fires as soon as it holds;
 *   one with only upper bounds or {@code eq}/{@code neq} is decided when the window closes (a later match or
 *   {@link #advance}). After firing, the group starts afresh, so one burst raises one firing.</li>
 *   <li>{@code temporal_ordered}: the referenced rules must occur in the listed order within the window.</li>
 *   <li>{@code value_percentile}: the share, in percent, of the window's events whose field has the value of the
 *   deciding event (at window close: the rarest value's share).</li>
 *   <li>Correlations may refer to correlations; a firing is fed back as a match of the correlation rule.</li>
 * </ul>
 * Bounded: at most {@code maxGroups} groups per correlation (least recently used evicted) and
 * {@code maxEntries} matches per group (oldest dropped); evictions are counted in {@link #stats()}. Not thread-safe:
 * call it from one thread in event order. State lives in memory and starts empty after a restart.
 */
public final class CorrelationEngine {

    private static final int MAX_CHAIN_DEPTH = 8;
    private static final int MAX_EVENT_IDS = 100;

    private final List<CorrelationRule> rules;
    private final int maxGroups;
    private final int maxEntries;
    private final Map<String, List<Reference>> byReference = new HashMap<>();
    private final List<LinkedHashMap<GroupKey, Group>> groups = new ArrayList<>();
    private long evictedGroups;
    private long droppedEntries;
    private long ungrouped;

    /** Where a rule id or name is referenced: which correlation, at which position of its rules. */
    private record Reference(int correlation, int position) {
    }

    private record GroupKey(String tenant, List<String> values) {
    }

    private record Entry(Instant time, int position, String eventId, String value, NormalizedEvent event) {
    }

    private static final class Group {
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        final LinkedHashMap<String, String> values;

        Group(LinkedHashMap<String, String> values) {
            this.values = values;
        }
    }

    /** Counters of what bounded state cost. */
    public record Stats(int groups, long evictedGroups, long droppedEntries, long ungroupedMatches) {
    }

    public CorrelationEngine(List<CorrelationRule> rules, int maxGroups, int maxEntries) {
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

    /** With default bounds: 10,000 groups per correlation, 10,000 matches per group. */
    public CorrelationEngine(List<CorrelationRule> rules) {
        this(rules, 10_000, 10_000);
    }

    /**
     * Ids and names of rules that must not raise alerts of their own: referenced by a correlation that does not
     * {@code generate} them, and by none that does.
     */
    public Set<String> suppressedRules() {
        Set<String> suppressed = new HashSet<>();
        Set<String> generated = new HashSet<>();
        for (CorrelationRule rule : rules) {
            (rule.generate() ? generated : suppressed).addAll(rule.rules());
        }
        suppressed.removeAll(generated);
        return suppressed;
    }

    /** Takes one match (in event order) and returns the correlations it completes, chained ones included. */
    public List<CorrelationFiring> offer(RuleMatch match) {
        List<CorrelationFiring> firings = new ArrayList<>();
        offer(match, firings, 0);
        return firings;
    }

    /** Decides the windows that closed before {@code watermark} (conditions without a lower bound). */
    public List<CorrelationFiring> advance(Instant watermark) {
        List<CorrelationFiring> firings = new ArrayList<>();
        for (int c = 0; c < rules.size(); c++) {
            CorrelationRule rule = rules.get(c);
            if (rule.condition().decidedEarly()) {
                continue;
            }
            Iterator<Map.Entry<GroupKey, Group>> it = groups.get(c).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<GroupKey, Group> entry = it.next();
                Group group = entry.getValue();
                if (!group.entries.isEmpty() && closed(rule, group, watermark)) {
                    decideAtClose(rule, group).ifPresent(firings::add);
                    it.remove();
                }
            }
        }
        List<CorrelationFiring> chained = new ArrayList<>();
        for (CorrelationFiring firing : firings) {
            offer(asMatch(firing), chained, 1);
        }
        firings.addAll(chained);
        return firings;
    }

    public Stats stats() {
        return new Stats(groups.stream().mapToInt(Map::size).sum(), evictedGroups, droppedEntries, ungrouped);
    }

    private void offer(RuleMatch match, List<CorrelationFiring> firings, int depth) {
        if (depth > MAX_CHAIN_DEPTH) {
            return;
        }
        List<Reference> references = new ArrayList<>(byReference.getOrDefault(match.ruleId(), List.of()));
        if (match.ruleName() != null && !match.ruleName().equals(match.ruleId())) {
            references.addAll(byReference.getOrDefault(match.ruleName(), List.of()));
        }
        for (Reference reference : references) {
            CorrelationRule rule = rules.get(reference.correlation());
            String referencedAs = rule.rules().get(reference.position());
            LinkedHashMap<String, String> values = groupValues(rule, referencedAs, match.event());
            if (values == null) {
                ungrouped++;
                continue;
            }
            CorrelationFiring firing = accept(reference, rule, referencedAs, values, match);
            if (firing != null) {
                firings.add(firing);
                offer(asMatch(firing), firings, depth + 1);
            }
        }
    }

    private CorrelationFiring accept(Reference reference, CorrelationRule rule, String referencedAs,
                                     LinkedHashMap<String, String> values, RuleMatch match) {
        LinkedHashMap<GroupKey, Group> table = groups.get(reference.correlation());
        GroupKey key = new GroupKey(match.event().tenant().value(), List.copyOf(values.values()));
        Group group = table.get(key);
        if (group == null) {
            if (table.size() >= maxGroups) {
                Iterator<GroupKey> eldest = table.keySet().iterator();
                eldest.next();
                eldest.remove();
                evictedGroups++;
            }
            group = new Group(values);
            table.put(key, group);
        }
        Instant time = match.event().timestamp();
        CorrelationFiring closedFiring = null;
        if (!rule.condition().decidedEarly() && !group.entries.isEmpty() && closed(rule, group, time)) {
            closedFiring = decideAtClose(rule, group).orElse(null);
            group.entries.clear();
        }
        while (!group.entries.isEmpty() && group.entries.peekFirst().time().plus(rule.timespan()).isBefore(time)) {
            group.entries.pollFirst();
        }
        if (group.entries.size() >= maxEntries) {
            group.entries.pollFirst();
            droppedEntries++;
        }
        String field = rule.field() == null ? null : fieldFor(rule, rule.field(), referencedAs);
        group.entries.addLast(new Entry(time, reference.position(), match.event().id(),
                field == null ? null : match.event().text(field), match.event()));
        if (closedFiring != null) {
            return closedFiring;
        }
        if (rule.condition().decidedEarly()) {
            double value = measure(rule, group, group.entries.peekLast().value());
            if (!Double.isNaN(value) && rule.condition().holds(value)) {
                CorrelationFiring firing = firing(rule, group, value);
                group.entries.clear();
                return firing;
            }
        }
        return null;
    }

    private static boolean closed(CorrelationRule rule, Group group, Instant now) {
        return group.entries.peekFirst().time().plus(rule.timespan()).isBefore(now);
    }

    private java.util.Optional<CorrelationFiring> decideAtClose(CorrelationRule rule, Group group) {
        double value;
        if (rule.type() == CorrelationType.VALUE_PERCENTILE) {
            value = Double.NaN;
            for (String candidate : distinctValues(group)) {
                double share = measure(rule, group, candidate);
                if (Double.isNaN(value) || share < value) {
                    value = share;
                }
            }
        } else {
            value = measure(rule, group, null);
        }
        return !Double.isNaN(value) && rule.condition().holds(value) ? java.util.Optional.of(firing(rule, group, value))
                : java.util.Optional.empty();
    }

    private static double measure(CorrelationRule rule, Group group, String current) {
        return switch (rule.type()) {
            case EVENT_COUNT -> group.entries.size();
            case VALUE_COUNT -> distinctValues(group).size();
            case TEMPORAL -> group.entries.stream().mapToInt(Entry::position).distinct().count();
            case TEMPORAL_ORDERED -> orderedPrefix(rule, group);
            case VALUE_SUM -> numbers(group).stream().mapToDouble(Double::doubleValue).sum();
            case VALUE_AVG -> numbers(group).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            case VALUE_PERCENTILE -> {
                long withValue = group.entries.stream().filter(e -> e.value() != null && e.value().equals(current)).count();
                long withAny = group.entries.stream().filter(e -> e.value() != null).count();
                yield current == null || withAny == 0 ? Double.NaN : 100.0 * withValue / withAny;
            }
        };
    }

    /** How many of the referenced rules, in their listed order, occur one after another in the window. */
    private static int orderedPrefix(CorrelationRule rule, Group group) {
        int next = 0;
        for (Entry entry : group.entries) {
            if (next < rule.rules().size() && entry.position() == next) {
                next++;
            }
        }
        return next;
    }

    private static Set<String> distinctValues(Group group) {
        Set<String> values = new java.util.LinkedHashSet<>();
        group.entries.forEach(e -> {
            if (e.value() != null) {
                values.add(e.value());
            }
        });
        return values;
    }

    private static List<Double> numbers(Group group) {
        List<Double> numbers = new ArrayList<>();
        for (Entry entry : group.entries) {
            if (entry.value() != null) {
                try {
                    numbers.add(Double.parseDouble(entry.value().trim()));
                } catch (NumberFormatException ignored) {
                    // a value that is not a number does not count towards a sum or an average
                }
            }
        }
        return numbers;
    }

    private static CorrelationFiring firing(CorrelationRule rule, Group group, double value) {
        Entry first = group.entries.peekFirst();
        Entry last = group.entries.peekLast();
        List<String> ids = group.entries.stream().map(Entry::eventId).limit(MAX_EVENT_IDS).toList();
        return new CorrelationFiring(rule, last.event().tenant(), group.values, first.time(), last.time(), ids, value, last.event());
    }

    private static RuleMatch asMatch(CorrelationFiring firing) {
        CorrelationRule rule = firing.rule();
        return new RuleMatch(rule.id(), rule.name(), rule.title(), rule.level(), rule.tags(), firing.lastEvent(), firing.matched());
    }

    private static LinkedHashMap<String, String> groupValues(CorrelationRule rule, String referencedAs, NormalizedEvent event) {
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        for (String name : rule.groupBy()) {
            String value = event.text(fieldFor(rule, name, referencedAs));
            if (value == null) {
                return null;
            }
            values.put(name, value);
        }
        return values;
    }

    private static String fieldFor(CorrelationRule rule, String name, String referencedAs) {
        Map<String, String> alias = rule.aliases().get(name);
        if (alias == null) {
            return name;
        }
        return alias.getOrDefault(referencedAs, name);
    }
}
