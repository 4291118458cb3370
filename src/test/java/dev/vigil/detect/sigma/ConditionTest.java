package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.vigil.detect.sigma.RuleFixture.fires;
import static dev.vigil.detect.sigma.RuleFixture.rule;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The condition grammar and its precedence: or, and, not, x of, parentheses (least to most binding). */
class ConditionTest {

    private static final String SELECTIONS = """
            a:
                A: 'x'
            b:
                B: 'x'
            c:
                C: 'x'
            selection_one:
                S1: 'x'
            selection_two:
                S2: 'x'
            _hidden:
                H: 'x'
            """;

    private static boolean holds(String condition, Map<String, Object> fields) {
        return fires(rule(SELECTIONS + "condition: " + condition), fields);
    }

    private static Map<String, Object> set(String... names) {
        Map<String, Object> fields = new java.util.HashMap<>();
        for (String name : names) {
            fields.put(name, "x");
        }
        fields.put("Other", "y");
        return fields;
    }

    @Test
    void andBindsTighterThanOr() {
        assertTrue(holds("a or b and c", set("A")));
        assertFalse(holds("a or b and c", set("B")));
        assertTrue(holds("a or b and c", set("B", "C")));
    }

    @Test
    void notBindsTighterThanAnd() {
        assertTrue(holds("not a and b", set("B")));
        assertFalse(holds("not a and b", set("A", "B")));
        assertFalse(holds("not a and b", set()));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertFalse(holds("(a or b) and c", set("A")));
        assertTrue(holds("(a or b) and c", set("A", "C")));
        assertTrue(holds("not (a and b)", set("A")));
    }

    @Test
    void oneOfAPatternNeedsAnyMatchingIdentifier() {
        assertTrue(holds("1 of selection_*", set("S2")));
        assertFalse(holds("1 of selection_*", set("A")));
    }

    @Test
    void allOfAPatternNeedsEveryMatchingIdentifier() {
        assertFalse(holds("all of selection_*", set("S1")));
        assertTrue(holds("all of selection_*", set("S1", "S2")));
    }

    @Test
    void oneOfThemIgnoresIdentifiersStartingWithAnUnderscore() {
        assertTrue(holds("1 of them", set("C")));
        assertFalse(holds("1 of them", set("H")));
    }

    @Test
    void allOfThemIgnoresIdentifiersStartingWithAnUnderscore() {
        assertTrue(holds("all of them", set("A", "B", "C", "S1", "S2")));
        assertFalse(holds("all of them", set("A", "B", "C", "S1")));
    }

    @Test
    void xOfBindsTighterThanNot() {
        assertTrue(holds("a and not 1 of selection_*", set("A")));
        assertFalse(holds("a and not 1 of selection_*", set("A", "S1")));
    }

    @Test
    void aListOfConditionsIsOred() {
        String rule = rule(SELECTIONS + "condition:\n    - a and b\n    - c");
        assertTrue(fires(rule, set("C")));
        assertTrue(fires(rule, set("A", "B")));
        assertFalse(fires(rule, set("A")));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertTrue(holds("a OR b", set("B")));
        assertTrue(holds("NOT a AND b", set("B")));
    }
}
