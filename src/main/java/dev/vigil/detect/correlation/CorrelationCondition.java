package dev.vigil.detect.correlation;

import java.util.List;
import java.util.Locale;

/**
 * A correlation {@code condition}: one or more bounds that must all hold ({@code gt: 100, lte: 200} is a range), the
 * {@code field} (or, for {@code value_count}, the fields) a value type aggregates, and the {@code percentile} a
 * {@code value_percentile} rule may name.
 *
 * <p>Guarantees: at least one bound; {@code fields} never null (empty for event_count and the temporal types);
 * {@code percentile} null or within 0..100. Pure.
 *
 * @param bounds     the comparisons, AND-ed
 * @param fields     the aggregated field(s), in rule order
 * @param percentile for value_percentile: the percentile of the field's numbers to compare, or null for the share of
 *                   events carrying one value (the specification's example)
 */
public record CorrelationCondition(List<Bound> bounds, List<String> fields, Integer percentile) {

    /** One comparison against a threshold. */
    public record Bound(Operator operator, double threshold) {

        /** True when the measured value satisfies this bound. */
        public boolean holds(double value) {
            return switch (operator) {
                case GT -> value > threshold;
                case GTE -> value >= threshold;
                case LT -> value < threshold;
                case LTE -> value <= threshold;
                case EQ -> value == threshold;
                case NEQ -> value != threshold;
            };
        }

        @Override
        public String toString() {
            return operator.sigmaName() + " " + Numbers.format(threshold);
        }
    }

    /** The comparison operators the specification allows. */
    public enum Operator {
        GT, GTE, LT, LTE, EQ, NEQ;

        /** The key rules use ({@code gte}). */
        public String sigmaName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The operator a condition key names, or null. */
        public static Operator fromSigmaName(String key) {
            for (Operator operator : values()) {
                if (operator.sigmaName().equals(key)) {
                    return operator;
                }
            }
            return null;
        }
    }

    public CorrelationCondition {
        bounds = List.copyOf(bounds);
        fields = List.copyOf(fields);
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("a condition needs at least one of gt, gte, lt, lte, eq, neq");
        }
        if (percentile != null && (percentile < 0 || percentile > 100)) {
            throw new IllegalArgumentException("percentile " + percentile + " is not between 0 and 100");
        }
    }

    /** A condition on a count alone ({@code gte: 10}). */
    public static CorrelationCondition of(Operator operator, double threshold) {
        return new CorrelationCondition(List.of(new Bound(operator, threshold)), List.of(), null);
    }

    /** True when every bound holds for the value. */
    public boolean holds(double value) {
        return bounds.stream().allMatch(b -> b.holds(value));
    }

    /** True when every bound is a lower bound ({@code gt}, {@code gte}): once it holds, more matches cannot undo it. */
    public boolean lowerBoundsOnly() {
        return bounds.stream().allMatch(b -> b.operator() == Operator.GT || b.operator() == Operator.GTE);
    }

    @Override
    public String toString() {
        return String.join(" and ", bounds.stream().map(Bound::toString).toList());
    }
}
