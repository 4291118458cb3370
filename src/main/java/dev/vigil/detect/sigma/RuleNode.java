package dev.vigil.detect.sigma;

import dev.vigil.detect.MatchedField;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A compiled condition: decides an event, names the literals the prefilter may require, and explains a match.
 * Pure and thread-safe.
 */
sealed interface RuleNode {

    boolean test(EventView event);

    /**
     * Literals of which every matching event contains one; null when the node cannot promise any. Where several
     * choices would do, {@code ranking} picks the rarest.
     */
    Set<Needle> requiredLiterals(NeedleRanking ranking);

    /** Hands every field entry's literal set (outside negations) to {@code sink}, for ranking. */
    void collectLiterals(Consumer<Set<Needle>> sink);

    /** Adds the fields and values that made this node hold. Call only when {@link #test} is true. */
    void explain(EventView event, List<MatchedField> out);

    /** A search identifier: alternatives OR-ed, field entries within one alternative AND-ed. */
    record SelectionNode(String name, List<List<FieldMatcher>> alternatives) implements RuleNode {

        @Override
        public boolean test(EventView event) {
            for (List<FieldMatcher> alternative : alternatives) {
                if (allHold(alternative, event)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean allHold(List<FieldMatcher> alternative, EventView event) {
            for (FieldMatcher matcher : alternative) {
                if (!matcher.test(event)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void collectLiterals(Consumer<Set<Needle>> sink) {
            for (List<FieldMatcher> alternative : alternatives) {
                for (FieldMatcher matcher : alternative) {
                    Set<Needle> literals = matcher.requiredLiterals();
                    if (literals != null) {
                        sink.accept(literals);
                    }
                }
            }
        }

        @Override
        public Set<Needle> requiredLiterals(NeedleRanking ranking) {
            Set<Needle> union = new LinkedHashSet<>();
            for (List<FieldMatcher> alternative : alternatives) {
                Set<Needle> best = ranking.best(alternative.stream().map(FieldMatcher::requiredLiterals).toList());
                if (best == null) {
                    return null;
                }
                union.addAll(best);
            }
            return union;
        }

        @Override
        public void explain(EventView event, List<MatchedField> out) {
            for (List<FieldMatcher> alternative : alternatives) {
                if (allHold(alternative, event)) {
                    for (FieldMatcher matcher : alternative) {
                        MatchedField field = matcher.explain(event);
                        if (field != null && !out.contains(field)) {
                            out.add(field);
                        }
                    }
                    return;
                }
            }
        }
    }

    /** Every operand holds. */
    record AndNode(List<RuleNode> operands) implements RuleNode {
        @Override
        public boolean test(EventView event) {
            for (RuleNode operand : operands) {
                if (!operand.test(event)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Set<Needle> requiredLiterals(NeedleRanking ranking) {
            return ranking.best(operands.stream().map(o -> o.requiredLiterals(ranking)).toList());
        }

        @Override
        public void collectLiterals(Consumer<Set<Needle>> sink) {
            operands.forEach(o -> o.collectLiterals(sink));
        }

        @Override
        public void explain(EventView event, List<MatchedField> out) {
            operands.forEach(o -> o.explain(event, out));
        }
    }

    /** At least one operand holds. */
    record OrNode(List<RuleNode> operands) implements RuleNode {
        @Override
        public boolean test(EventView event) {
            for (RuleNode operand : operands) {
                if (operand.test(event)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<Needle> requiredLiterals(NeedleRanking ranking) {
            return Literals.union(operands.stream().map(o -> o.requiredLiterals(ranking)).toList());
        }

        @Override
        public void collectLiterals(Consumer<Set<Needle>> sink) {
            operands.forEach(o -> o.collectLiterals(sink));
        }

        @Override
        public void explain(EventView event, List<MatchedField> out) {
            for (RuleNode operand : operands) {
                if (operand.test(event)) {
                    operand.explain(event, out);
                }
            }
        }
    }

    /** The operand does not hold. */
    record NotNode(RuleNode operand) implements RuleNode {
        @Override
        public boolean test(EventView event) {
            return !operand.test(event);
        }

        @Override
        public Set<Needle> requiredLiterals(NeedleRanking ranking) {
            return null;
        }

        @Override
        public void collectLiterals(Consumer<Set<Needle>> sink) {
            // a negated entry's literals are never required
        }

        @Override
        public void explain(EventView event, List<MatchedField> out) {
            // an absence explains nothing an analyst can click on
        }
    }

    /** At least {@code count} of the selections hold. */
    record AtLeastNode(int count, List<RuleNode> operands) implements RuleNode {
        @Override
        public boolean test(EventView event) {
            int holding = 0;
            for (int i = 0; i < operands.size(); i++) {
                if (operands.get(i).test(event) && ++holding >= count) {
                    return true;
                }
                if (holding + operands.size() - i - 1 < count) {
                    return false;
                }
            }
            return false;
        }

        @Override
        public Set<Needle> requiredLiterals(NeedleRanking ranking) {
            List<Set<Needle>> sets = operands.stream().map(o -> o.requiredLiterals(ranking)).toList();
            return count >= operands.size() ? ranking.best(sets) : Literals.union(sets);
        }

        @Override
        public void collectLiterals(Consumer<Set<Needle>> sink) {
            operands.forEach(o -> o.collectLiterals(sink));
        }

        @Override
        public void explain(EventView event, List<MatchedField> out) {
            for (RuleNode operand : operands) {
                if (operand.test(event)) {
                    operand.explain(event, out);
                }
            }
        }
    }

    /** Combining literal sets for the prefilter. */
    final class Literals {
        private Literals() {
        }

        /** Of sets one of which holds, their union; null when one of them promises nothing. */
        static Set<Needle> union(List<Set<Needle>> sets) {
            Set<Needle> union = new LinkedHashSet<>();
            for (Set<Needle> set : sets) {
                if (set == null) {
                    return null;
                }
                union.addAll(set);
            }
            return union;
        }
    }
}
