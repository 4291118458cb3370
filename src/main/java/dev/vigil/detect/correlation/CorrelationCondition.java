package dev.vigil.detect.correlation;

import java.util.List;
import java.util.Locale;

/**
 * A correlation {@code condition}: one or more bounds that must all hold ({@code gt: 100, lte: 200} is a range).
 *
 * <p>Streaming evaluation needs to know when a verdict is final: with a lower bound ({@code gt}, {@code gte}) the
 * condition fires as soon as it holds, since more events can only raise the count; with only upper bounds or
 * {@code eq}/{@code neq} it can only be decided when the window closes. Pure.
 */
public record CorrelationCondition(List<Bound> bounds) {

    /** One comparison against a threshold. */
    public record Bound(Operator operator, double threshold) {
        boolean holds(double value) {
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
            return operator.name().toLowerCase(Locale.ROOT) + " " + (threshold == Math.rint(threshold) ? String.valueOf((long) threshold) : String.valueOf(threshold));
        }
    }

    /** The comparison operators the specification allows. */
    public enum Operator {
        GT, GTE, LT, LTE, EQ, NEQ
    }

    public CorrelationCondition {
        bounds = List.copyOf(bounds);
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("a condition needs at least one of gt, gte, lt, lte, eq, neq");
        }
    }

    public boolean holds(double value) {
        return bounds.stream().allMatch(b -> b.holds(value));
    }

    /** True when the condition can fire as soon as it holds (it has a gt or gte bound). */
    public boolean decidedEarly() {
        return bounds.stream().anyMatch(b -> b.operator() == Operator.GT || b.operator() == Operator.GTE);
    }

    @Override
    public String toString() {
        return String.join(" and ", bounds.stream().map(Bound::toString).toList());
    }
}
