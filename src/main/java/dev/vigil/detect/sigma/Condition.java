package dev.vigil.detect.sigma;

import java.util.List;

/** A parsed Sigma condition expression, before search identifiers are resolved. */
public sealed interface Condition {

    /** All operands must hold. */
    record And(List<Condition> operands) implements Condition {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** At least one operand must hold. */
    record Or(List<Condition> operands) implements Condition {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    /** The operand must not hold. */
    record Not(Condition operand) implements Condition {
    }

    /** A search identifier by name. */
    record Reference(String name) implements Condition {
    }

    /**
     * {@code 1 of selection*}, {@code all of them}, {@code 2 of filter_*}.
     *
     * @param count   how many must hold; {@link #ALL} for {@code all}
     * @param pattern a search-identifier pattern with {@code *} wildcards, or null for {@code them}
     */
    record Quantified(int count, String pattern) implements Condition {
        public static final int ALL = -1;
    }
}
