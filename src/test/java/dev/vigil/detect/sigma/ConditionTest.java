package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.vigil.detect.sigma.SigmaFixture.fires;
import static dev.vigil.detect.sigma.SigmaFixture.selection;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Condition forms of the rules specification and their precedence (least to most binding: or, and, not, x of,
 * parentheses). Each search identifier here holds when the event has a field named after it in upper case with value
 * {@code x}: {@code sel_a} holds when the event has {@code SEL_A: x}.
 */
class ConditionTest {

    private static final String SELECTIONS = """
            a:
                A: x
            b:
                B: x
            c:
                C: x
            sel_1:
                SEL_1: x
            sel_2:
                SEL_2: x
            _hidden:
                HIDDEN: x
            """;

    /** True when the condition holds for an event on which exactly the named search identifiers hold. */
    private static boolean holds(String condition, String... holding) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Unrelated", "value");
        for (String name : holding) {
            fields.put(name.equals("_hidden") ? "HIDDEN" : name.toUpperCase(java.util.Locale.ROOT), "x");
        }
        return fires(SELECTIONS + "condition: " + condition, fields);
    }

    @Test
    void andRequiresBoth() {
        assertTrue(holds("a and b", "a", "b"));
        assertFalse(holds("a and b", "a"));
    }

    @Test
    void orRequiresEither() {
        assertTrue(holds("a or b", "b"));
        assertFalse(holds("a or b", "c"));
    }

    @Test
    void notNegates() {
        assertTrue(holds("not a", "b"));
        assertFalse(holds("not a", "a"));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertTrue(holds("a AND NOT b", "a"));
        assertFalse(holds("a AND NOT b", "a", "b"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertTrue(holds("a or b and c", "a"));
        assertFalse(holds("a or b and c", "c"));
        assertTrue(holds("b and c or a", "a"));
    }

    @Test
    void notBindsTighterThanAnd() {
        assertTrue(holds("not a and b", "b"));
        assertFalse(holds("not a and b"));
    }

    @Test
    void parenthesesGroupFirst() {
        assertTrue(holds("(a or b) and c", "b", "c"));
        assertFalse(holds("(a or b) and c", "a"));
        assertTrue(holds("not (a and b)", "a"));
    }

    @Test
    void nestedParenthesesAreHonoured() {
        assertTrue(holds("a and ((b or c) and not sel_1)", "a", "c"));
        assertFalse(holds("a and ((b or c) and not sel_1)", "a", "c", "sel_1"));
    }

    @Test
    void oneOfAPatternNeedsAnyMatchingIdentifier() {
        assertTrue(holds("1 of sel_*", "sel_2"));
        assertFalse(holds("1 of sel_*", "a"));
    }

    @Test
    void allOfAPatternNeedsEveryMatchingIdentifier() {
        assertTrue(holds("all of sel_*", "sel_1", "sel_2"));
        assertFalse(holds("all of sel_*", "sel_1"));
    }

    @Test
    void ofBindsTighterThanNotAndAnd() {
        assertTrue(holds("a and not 1 of sel_*", "a"));
        assertFalse(holds("a and not 1 of sel_*", "a", "sel_2"));
    }

    @Test
    void oneOfThemNeedsAnyIdentifierButIgnoresThoseStartingWithAnUnderscore() {
        assertTrue(holds("1 of them", "c"));
        assertFalse(holds("1 of them", "_hidden"));
    }

    @Test
    void allOfThemNeedsEveryIdentifierExceptThoseStartingWithAnUnderscore() {
        assertTrue(holds("all of them", "a", "b", "c", "sel_1", "sel_2"));
        assertFalse(holds("all of them", "a", "b", "c", "sel_1"));
    }

    @Test
    void aPatternMayNameUnderscoreIdentifiersExplicitly() {
        assertTrue(holds("1 of _hid*", "_hidden"));
    }

    @Test
    void aListOfConditionsHoldsWhenAnyOfThemHolds() {
        String detection = SELECTIONS + """
                condition:
                    - a and b
                    - c
                """;
        assertTrue(fires(detection, Map.of("C", "x")));
        assertTrue(fires(detection, Map.of("A", "x", "B", "x")));
        assertFalse(fires(detection, Map.of("A", "x")));
    }

    @Test
    void aMapIsTheAndOfItsFields() {
        String detection = """
                selection:
                    EventLog: Security
                    EventID: 4769
                condition: selection""";
        assertTrue(fires(detection, Map.of("EventLog", "Security", "EventID", 4769L)));
        assertFalse(fires(detection, Map.of("EventLog", "Security", "EventID", 4768L)));
    }

    @Test
    void aListOfValuesIsTheOrOfTheValues() {
        String detection = """
                selection:
                    EventID:
                        - 517
                        - 1102
                condition: selection""";
        assertTrue(fires(detection, Map.of("EventID", 1102L)));
        assertFalse(fires(detection, Map.of("EventID", 518L)));
    }

    @Test
    void aListOfMapsIsTheOrOfTheMaps() {
        String detection = """
                selection:
                    - Image|endswith: '\\example.exe'
                    - Description|contains: 'Test executable'
                condition: selection""";
        assertTrue(fires(detection, Map.of("Image", "C:\\example.exe", "Description", "other")));
        assertTrue(fires(detection, Map.of("Image", "C:\\other.exe", "Description", "A Test executable")));
        assertFalse(fires(detection, Map.of("Image", "C:\\other.exe", "Description", "other")));
    }

    @Test
    void fieldNamesAreFoundWhateverTheirCase() {
        assertTrue(fires(selection("commandline|contains: whoami"), Map.of("CommandLine", "whoami /all")));
    }

    @Test
    void aListFieldValueMatchesWhenAnyElementMatches() {
        assertTrue(fires(selection("Tags: beta"), Map.of("Tags", java.util.List.of("alpha", "beta"))));
    }
}
