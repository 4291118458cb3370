package dev.vigil.detect.correlation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The matches of one group inside one correlation window, kept in event-time order, with the aggregates every type
 * needs maintained as matches join and leave, so a measure never rescans the window (except temporal_ordered, whose
 * order check walks it). Not thread-safe; pure.
 */
final class Window {

    private static final Comparator<Contribution> ORDER = Comparator.comparing(Contribution::time).thenComparingLong(Contribution::arrival);

    private final TreeSet<Contribution> entries = new TreeSet<>(ORDER);
    private final Map<Integer, Integer> positions = new HashMap<>();
    private final Map<List<String>, Integer> values = new HashMap<>();
    private final TreeMap<BigDecimal, Integer> numbers = new TreeMap<>();
    private BigDecimal sum = BigDecimal.ZERO;
    private int numberCount;

    /** A measure and, for a value share, the value it is about. */
    record Measure(double value, List<String> subject) {
        static final Measure NONE = new Measure(Double.NaN, null);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    Contribution first() {
        return entries.first();
    }

    Contribution last() {
        return entries.last();
    }

    /** Oldest first. */
    Iterable<Contribution> entries() {
        return entries;
    }

    void add(Contribution c) {
        entries.add(c);
        positions.merge(c.position(), 1, Integer::sum);
        if (c.value() != null) {
            values.merge(c.value(), 1, Integer::sum);
        }
        if (c.number() != null) {
            numbers.merge(c.number(), 1, Integer::sum);
            sum = sum.add(c.number());
            numberCount++;
        }
    }

    /** Drops the oldest match. */
    void removeFirst() {
        forget(entries.pollFirst());
    }

    /** Drops every match older than the instant (one exactly at it stays). */
    void removeBefore(Instant instant) {
        while (!entries.isEmpty() && entries.first().time().isBefore(instant)) {
            removeFirst();
        }
    }

    void clear() {
        entries.clear();
        positions.clear();
        values.clear();
        numbers.clear();
        sum = BigDecimal.ZERO;
        numberCount = 0;
    }

    /** The rule's measure over this window; NaN when there is nothing to measure (no numbers for an average). */
    Measure measure(CorrelationRule rule) {
        return switch (rule.type()) {
            case EVENT_COUNT -> new Measure(entries.size(), null);
            case VALUE_COUNT -> new Measure(values.size(), null);
            case TEMPORAL -> new Measure(positions.size(), null);
            case TEMPORAL_ORDERED -> new Measure(orderedPrefix(rule.rules().size()), null);
            case VALUE_SUM -> numberCount == 0 ? Measure.NONE : new Measure(sum.doubleValue(), null);
            case VALUE_AVG -> numberCount == 0 ? Measure.NONE
                    : new Measure(sum.divide(BigDecimal.valueOf(numberCount), MathContext.DECIMAL64).doubleValue(), null);
            case VALUE_PERCENTILE -> rule.condition().percentile() == null ? share(rule.condition())
                    : new Measure(percentile(rule.condition().percentile()), null);
        };
    }

    /** How many of the referenced rules, in their listed order, occur one after another (in event time). */
    private int orderedPrefix(int referenced) {
        int next = 0;
        for (Contribution entry : entries) {
            if (next < referenced && entry.position() == next) {
                next++;
            }
        }
        return next;
    }

    /**
     * The share, in percent of the matches carrying the field, of the rarest value whose share meets the condition
     * (so {@code lte: 1} names the rarest value, {@code gte: 50} the least common of the dominant ones).
     */
    private Measure share(CorrelationCondition condition) {
        int carrying = values.values().stream().mapToInt(Integer::intValue).sum();
        return values.entrySet().stream()
                .map(e -> new Measure(100.0 * e.getValue() / carrying, e.getKey()))
                .filter(m -> condition.holds(m.value()))
                .min(Comparator.comparingDouble(Measure::value).thenComparing(m -> String.join(",", m.subject())))
                .orElse(Measure.NONE);
    }

    /** The nearest-rank percentile of the numbers: the smallest one with at least p percent of them at or below it. */
    private double percentile(int p) {
        if (numberCount == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * numberCount));
        long seen = 0;
        for (Map.Entry<BigDecimal, Integer> e : numbers.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey().doubleValue();
            }
        }
        return numbers.lastKey().doubleValue();
    }

    private void forget(Contribution c) {
        positions.computeIfPresent(c.position(), (k, n) -> n == 1 ? null : n - 1);
        if (c.value() != null) {
            values.computeIfPresent(c.value(), (k, n) -> n == 1 ? null : n - 1);
        }
        if (c.number() != null) {
            numbers.computeIfPresent(c.number(), (k, n) -> n == 1 ? null : n - 1);
            sum = sum.subtract(c.number());
            numberCount--;
        }
    }
}
