package dev.vigil.detect.sigma;

import dev.vigil.detect.MatchedField;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One compiled {@code field|modifiers: values} entry: decides it for an event, tells the prefilter which literal an
 * event must contain for it to hold, and explains a match. Pure and thread-safe.
 */
public sealed interface FieldMatcher {

    boolean test(EventView event);

    /**
     * Lower-case literals of which every event passing this test contains at least one in the named field (in any
     * value for keywords), or null when no such set exists (negations, existence, numbers, regular expressions).
     */
    Set<Needle> requiredLiterals();

    /** The field and value this entry matched on, or null when it matched by absence. Call only after a match. */
    MatchedField explain(EventView event);

    /** Name shown for keyword matches, which have no field. */
    String KEYWORD = "keyword";

    /**
     * Tests values: with {@code all}, every test must accept some value of the field; otherwise one test must accept
     * one value. A null {@code field} searches every value of the event (keywords). {@code nullMatches} adds Sigma's
     * {@code null}: the field is absent or empty. {@code negated} is Sigma's {@code neq}.
     */
    record Values(String field, List<ValueTest> tests, boolean all, boolean nullMatches, boolean negated) implements FieldMatcher {

        public Values {
            tests = List.copyOf(tests);
        }

        @Override
        public boolean test(EventView event) {
            return negated != holds(event);
        }

        private boolean holds(EventView event) {
            String[] originals = field == null ? event.allValues() : event.values(field);
            if (nullMatches && isEmpty(originals)) {
                return true;
            }
            if (originals.length == 0 || tests.isEmpty()) {
                return false;
            }
            String[] lowered = field == null ? event.allLowered() : event.lowered(field);
            if (all) {
                for (ValueTest test : tests) {
                    if (!anyValue(test, originals, lowered)) {
                        return false;
                    }
                }
                return true;
            }
            for (ValueTest test : tests) {
                if (anyValue(test, originals, lowered)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isEmpty(String[] values) {
            for (String value : values) {
                if (!value.isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        private static boolean anyValue(ValueTest test, String[] originals, String[] lowered) {
            for (int i = 0; i < originals.length; i++) {
                if (test.test(originals[i], lowered[i])) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<Needle> requiredLiterals() {
            if (negated || nullMatches || tests.isEmpty()) {
                return null;
            }
            if (all) {
                ValueTest best = null;
                for (ValueTest test : tests) {
                    String literal = test.requiredLiteral();
                    if (literal != null && (best == null || literal.length() > best.requiredLiteral().length())) {
                        best = test;
                    }
                }
                return best == null ? null : Set.of(Needle.of(field, best.requiredLiteral(), best.exact()));
            }
            Set<Needle> literals = new LinkedHashSet<>();
            for (ValueTest test : tests) {
                String literal = test.requiredLiteral();
                if (literal == null) {
                    return null;
                }
                literals.add(Needle.of(field, literal, test.exact()));
            }
            return literals;
        }

        @Override
        public MatchedField explain(EventView event) {
            String[] originals = field == null ? event.allValues() : event.values(field);
            String[] lowered = field == null ? event.allLowered() : event.lowered(field);
            for (int i = 0; i < originals.length; i++) {
                for (ValueTest test : tests) {
                    if (negated != test.test(originals[i], lowered[i])) {
                        return new MatchedField(field == null ? KEYWORD : field, originals[i]);
                    }
                }
            }
            return null;
        }
    }

    /** Sigma's {@code exists}: the field is present ({@code true}) or absent ({@code false}). */
    record Exists(String field, boolean expected) implements FieldMatcher {
        @Override
        public boolean test(EventView event) {
            return event.has(field) == expected;
        }

        @Override
        public Set<Needle> requiredLiterals() {
            return null;
        }

        @Override
        public MatchedField explain(EventView event) {
            String[] values = event.values(field);
            return expected && values.length > 0 ? new MatchedField(field, values[0]) : null;
        }
    }

    /** How a field reference compares the two fields' values. */
    enum RefMode {
        EQUALS, STARTS_WITH, ENDS_WITH, CONTAINS
    }

    /**
     * Sigma's {@code fieldref}: the field's value compares with the value of another field of the same event; several
     * referenced fields are OR-ed (AND-ed with {@code all}); {@code negated} is {@code neq}.
     */
    record FieldReference(String field, List<String> references, RefMode mode, boolean cased, boolean all,
                          boolean negated) implements FieldMatcher {

        public FieldReference {
            references = List.copyOf(references);
        }

        @Override
        public boolean test(EventView event) {
            return negated != holds(event);
        }

        private boolean holds(EventView event) {
            if (all) {
                for (String reference : references) {
                    if (!compares(event, reference)) {
                        return false;
                    }
                }
                return true;
            }
            for (String reference : references) {
                if (compares(event, reference)) {
                    return true;
                }
            }
            return false;
        }

        private boolean compares(EventView event, String reference) {
            String[] left = cased ? event.values(field) : event.lowered(field);
            String[] right = cased ? event.values(reference) : event.lowered(reference);
            for (String l : left) {
                for (String r : right) {
                    boolean result = switch (mode) {
                        case EQUALS -> l.equals(r);
                        case STARTS_WITH -> l.startsWith(r);
                        case ENDS_WITH -> l.endsWith(r);
                        case CONTAINS -> l.contains(r);
                    };
                    if (result) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public Set<Needle> requiredLiterals() {
            return null;
        }

        @Override
        public MatchedField explain(EventView event) {
            String[] values = event.values(field);
            return values.length == 0 ? null : new MatchedField(field, values[0]);
        }
    }
}
