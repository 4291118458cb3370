package dev.vigil.detect.sigma;

import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleMatch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.vigil.detect.sigma.SigmaFixture.enabled;
import static dev.vigil.detect.sigma.SigmaFixture.engine;
import static dev.vigil.detect.sigma.SigmaFixture.event;
import static dev.vigil.detect.sigma.SigmaFixture.firing;
import static dev.vigil.detect.sigma.SigmaFixture.fires;
import static dev.vigil.detect.sigma.SigmaFixture.rule;
import static dev.vigil.detect.sigma.SigmaFixture.selection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The literal prefilter only skips rules that cannot match: results are those of evaluating every rule in full. Also
 * what a match reports about why it fired.
 */
class PrefilterTest {

    @Test
    void aLiteralPresentOnlyInAnotherFieldDoesNotMakeTheRuleFire() {
        assertFalse(fires(selection("CommandLine|contains: mimikatz"),
                Map.of("CommandLine", "notepad.exe", "ParentCommandLine", "mimikatz.exe")));
    }

    @Test
    void aRuleThatIsOnlyANegationFiresOnEventsWithoutAnyOfItsLiterals() {
        assertTrue(fires("filter:\n    Image|endswith: '\\explorer.exe'\ncondition: not filter", Map.of("Image", "C:\\x.exe")));
    }

    @Test
    void aRuleOrringALiteralWithANegationFiresOnTheNegation() {
        assertTrue(fires("""
                selection:
                    CommandLine|contains: mimikatz
                filter:
                    User: SYSTEM
                condition: selection or not filter""", Map.of("CommandLine", "calc", "User", "alice")));
    }

    @Test
    void aRegularExpressionWithoutLiteralsFires() {
        assertTrue(fires(selection("CommandLine|re: '[0-9]{4}'"), Map.of("CommandLine", "pin 1234")));
    }

    @Test
    void oneOfASelectionWithAndOneWithoutLiteralsFiresOnEither() {
        String detection = """
                sel_literal:
                    CommandLine|contains: mimikatz
                sel_regex:
                    CommandLine|re: '^[a-z]{3}$'
                condition: 1 of sel_*""";
        assertTrue(fires(detection, Map.of("CommandLine", "abc")));
        assertTrue(fires(detection, Map.of("CommandLine", "run mimikatz")));
    }

    @Test
    void existenceComparisonsNullAndNeqFireWithoutLiterals() {
        assertTrue(fires(selection("Hashes|exists: true"), Map.of("Hashes", "x")));
        assertTrue(fires(selection("Count|gte: 100"), Map.of("Count", 250L)));
        assertTrue(fires(selection("Parent: null"), Map.of("Other", "x")));
        assertTrue(fires(selection("User|neq: SYSTEM"), Map.of("User", "alice")));
    }

    @Test
    void valuesShorterThanThePrefilterLiteralFire() {
        assertTrue(fires(selection("Flag: 'ab'"), Map.of("Flag", "AB")));
    }

    @Test
    void aCasedLiteralStillWakesItsRule() {
        assertTrue(fires(selection("CommandLine|cased|contains: 'MiMiKaTz'"),
                Map.of("CommandLine", "run MiMiKaTz")));
    }

    @Test
    void encodedLiteralsStillWakeTheirRule() {
        assertTrue(fires(selection("CommandLine|wide|base64offset|contains: 'foobar'"),
                Map.of("CommandLine", "powershell -enc xYAbwBvAGIAYQByAx")));
    }

    @Test
    void manyRulesOnOneEngineFireExactlyAsEachAlone() {
        String[] detections = {
                selection("CommandLine|contains: mimikatz"),
                selection("CommandLine|contains|all: [sekurlsa, logonpasswords]"),
                "selection:\n    Image|endswith: '\\cmd.exe'\nfilter:\n    User: SYSTEM\ncondition: selection and not filter",
                selection("CommandLine|re: 'p[a-z]+s'"),
                "keywords:\n    - evil\ncondition: keywords"};
        List<Map<String, Object>> events = List.of(
                Map.of("CommandLine", "mimikatz sekurlsa::logonpasswords", "Image", "C:\\cmd.exe", "User", "alice"),
                Map.of("CommandLine", "calc", "Image", "C:\\cmd.exe", "User", "SYSTEM"),
                Map.of("CommandLine", "an evil plus", "Image", "C:\\x.exe"));
        String[] rules = new String[detections.length];
        for (int i = 0; i < detections.length; i++) {
            rules[i] = rule(detections[i]).replace("id: test-rule", "id: rule-" + i);
        }
        SigmaEngine together = engine(rules);
        for (Map<String, Object> fields : events) {
            List<String> alone = new java.util.ArrayList<>();
            for (String rule : rules) {
                alone.addAll(firing(engine(rule), event(fields)));
            }
            assertEquals(alone, firing(together, event(fields)), fields.toString());
        }
    }

    @Test
    void aMatchNamesEachMatchedFieldWithTheEventValue() {
        SigmaEngine engine = enabled("""
                selection:
                    Image|endswith: '\\cmd.exe'
                    CommandLine|contains: whoami
                condition: selection""");
        RuleMatch match = engine.evaluate(event(Map.of("Image", "C:\\Windows\\cmd.exe", "CommandLine", "cmd /c whoami", "User", "alice")))
                .getFirst();
        assertEquals("test-rule", match.ruleId());
        assertEquals("Test rule", match.title());
        assertEquals(List.of(new MatchedField("Image", "C:\\Windows\\cmd.exe"), new MatchedField("CommandLine", "cmd /c whoami")),
                match.matched());
    }

    @Test
    void aMatchNamesOnlyTheFieldsOfTheBranchesThatHeld() {
        SigmaEngine engine = enabled("""
                sel_image:
                    Image|endswith: '\\cmd.exe'
                sel_cli:
                    CommandLine|contains: whoami
                filter:
                    User: SYSTEM
                condition: 1 of sel_* and not filter""");
        RuleMatch match = engine.evaluate(event(Map.of("Image", "C:\\cmd.exe", "CommandLine", "dir", "User", "alice"))).getFirst();
        assertEquals(List.of(new MatchedField("Image", "C:\\cmd.exe")), match.matched());
    }
}
