package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.vigil.detect.sigma.SigmaFixture.engine;
import static dev.vigil.detect.sigma.SigmaFixture.event;
import static dev.vigil.detect.sigma.SigmaFixture.rule;
import static dev.vigil.detect.sigma.SigmaFixture.selection;
import static dev.vigil.detect.sigma.SigmaFixture.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules that cannot be evaluated are rejected, never skipped silently: INVALID when they are wrong, UNSUPPORTED when
 * they are valid Sigma this engine does not evaluate, each with a reason naming the origin, the line, the rule and the
 * problem. Rules built with {@link SigmaFixture#rule} put the detection body on lines 7 and on.
 */
class BadRuleTest {

    private static final RuleStatus.State INVALID = RuleStatus.State.INVALID;
    private static final RuleStatus.State UNSUPPORTED = RuleStatus.State.UNSUPPORTED;

    private static void assertRejected(RuleStatus status, RuleStatus.State state, String place, String... problem) {
        assertEquals(state, status.state(), () -> "reason: " + status.reason());
        assertTrue(status.reason().startsWith(place + ": "), () -> "expected '" + place + ": ' first in: " + status.reason());
        for (String part : problem) {
            assertTrue(status.reason().contains(part), () -> "expected '" + part + "' in: " + status.reason());
        }
    }

    /** A windows/process_creation rule 'Test rule' with this detection body, read from bad.yml, is rejected so. */
    private static void assertDetectionRejected(String detection, RuleStatus.State state, String place, String... problem) {
        assertRejected(statusOf("bad.yml", rule(detection)), state, place, problem);
    }

    @Test
    void invalidYamlIsRejectedWithTheLineOfTheSyntaxError() {
        RuleStatus status = statusOf("broken.yml", """
                title: Broken
                logsource:
                    product: windows
                detection:
                    selection:
                        CommandLine: whoami: /all
                    condition: selection
                """);
        assertRejected(status, INVALID, "broken.yml:6", "not valid YAML");
    }

    @Test
    void anUnknownModifierIsRejected() {
        assertDetectionRejected(selection("CommandLine|contians: whoami"),
                INVALID, "bad.yml:8", "rule 'Test rule'", "unknown modifier 'contians' in 'CommandLine|contians'");
    }

    @Test
    void anUnclosedParenthesisIsRejected() {
        assertDetectionRejected("a:\n    A: x\nb:\n    B: x\ncondition: (a or b",
                INVALID, "bad.yml:11", "rule 'Test rule'", "unbalanced parentheses: '(' at column 1 is never closed");
    }

    @Test
    void anUnopenedParenthesisIsRejected() {
        assertDetectionRejected("a:\n    A: x\nb:\n    B: x\ncondition: a or b)",
                INVALID, "bad.yml:11", "rule 'Test rule'", "unbalanced parentheses: ')' at column 7 has no matching '('");
    }

    @Test
    void aConditionNamingAnUndefinedSearchIdentifierIsRejected() {
        assertDetectionRejected("selection:\n    A: x\ncondition: selection and not filter",
                INVALID, "bad.yml:9", "rule 'Test rule'", "refers to 'filter', which is not a search identifier");
    }

    @Test
    void aPatternMatchingNoSearchIdentifierIsRejected() {
        assertDetectionRejected("selection:\n    A: x\ncondition: selection and not 1 of filter_*",
                INVALID, "bad.yml:9", "rule 'Test rule'", "'1 of filter_*' matches no search identifier");
    }

    @Test
    void aConditionEndingEarlyIsRejected() {
        assertDetectionRejected("selection:\n    A: x\ncondition: selection and",
                INVALID, "bad.yml:9", "rule 'Test rule'", "the condition ends early");
    }

    @Test
    void anInvalidRegularExpressionIsRejected() {
        assertDetectionRejected(selection("CommandLine|re: '(unclosed'"),
                INVALID, "bad.yml:8", "rule 'Test rule'", "invalid regular expression '(unclosed'");
    }

    @Test
    void aRegularExpressionFlagWithoutReIsRejected() {
        assertDetectionRejected(selection("CommandLine|i: whoami"),
                INVALID, "bad.yml:8", "rule 'Test rule'", "'i' in 'CommandLine|i' is a flag of 're' and must follow it");
    }

    @Test
    void existsWithANonBooleanIsRejected() {
        assertDetectionRejected(selection("Hashes|exists: maybe"),
                INVALID, "bad.yml:8", "rule 'Test rule'", "'exists' takes true or false");
    }

    @Test
    void aComparisonWithANonNumberIsRejected() {
        assertDetectionRejected(selection("Count|gt: many"),
                INVALID, "bad.yml:8", "rule 'Test rule'", "'Count|gt' needs a number, got 'many'");
    }

    @Test
    void anInvalidCidrIsRejected() {
        assertDetectionRejected(selection("DestinationIp|cidr: '10.0.0.0/33'"),
                INVALID, "bad.yml:8", "rule 'Test rule'", "'10.0.0.0/33' is not a CIDR network");
    }

    @Test
    void aRuleWithoutTitleIsRejected() {
        RuleStatus status = statusOf("bad.yml", """
                id: no-title
                logsource:
                    product: windows
                detection:
                    selection:
                        A: x
                    condition: selection
                """);
        assertRejected(status, INVALID, "bad.yml:1", "missing 'title'");
    }

    @Test
    void aRuleWithoutLogsourceIsRejected() {
        RuleStatus status = statusOf("bad.yml", """
                title: No logsource
                detection:
                    selection:
                        A: x
                    condition: selection
                """);
        assertRejected(status, INVALID, "bad.yml:1", "rule 'No logsource'", "missing 'logsource' mapping");
    }

    @Test
    void aRuleWithoutDetectionIsRejected() {
        RuleStatus status = statusOf("bad.yml", """
                title: No detection
                logsource:
                    product: windows
                level: high
                """);
        assertRejected(status, INVALID, "bad.yml:1", "rule 'No detection'", "missing 'detection' mapping");
    }

    @Test
    void aRuleWithoutConditionIsRejected() {
        RuleStatus status = statusOf("bad.yml", """
                title: No condition
                logsource:
                    product: windows
                detection:
                    selection:
                        A: x
                """);
        assertRejected(status, INVALID, "bad.yml:5", "rule 'No condition'", "missing 'condition'");
    }

    @Test
    void aSigma1AggregationIsUnsupported() {
        assertDetectionRejected("selection:\n    A: x\ncondition: selection | count() > 5",
                UNSUPPORTED, "bad.yml:9", "rule 'Test rule'", "'|' at column 11 starts a Sigma 1 aggregation");
    }

    @Test
    void aSigma1TimeframeIsUnsupported() {
        assertDetectionRejected(selection("A: x\ntimeframe: 5m"),
                UNSUPPORTED, "bad.yml:9", "rule 'Test rule'", "'timeframe' belongs to Sigma 1 aggregations");
    }

    @Test
    void anUndefinedPlaceholderIsUnsupported() {
        assertDetectionRejected(selection("User|expand: '%Administrators%'"),
                UNSUPPORTED, "bad.yml:8", "rule 'Test rule'", "placeholder %Administrators% has no value");
    }

    @Test
    void aDefinedPlaceholderLoadsTheRuleEnabled() {
        EngineOptions options = new EngineOptions(new Placeholders(Map.of("Administrators", List.of("adm_*"))), Set.of());
        RuleStatus status = statusOf("good.yml", rule(selection("User|expand: '%Administrators%'")), options);
        assertEquals(RuleStatus.State.ENABLED, status.state(), status.reason());
    }

    @Test
    void aSecondRuleWithTheSameIdIsRejected() {
        SigmaEngine engine = engine(rule(selection("A: x")), rule(selection("B: x")));
        assertEquals(RuleStatus.State.ENABLED, engine.statuses().get(0).state());
        assertRejected(engine.statuses().get(1), INVALID, "rule-2.yml:1", "duplicate id test-rule, already loaded from rule-1.yml");
        assertEquals(1, engine.evaluate(event(Map.of("A", "x", "B", "x"))).size());
    }

    @Test
    void aBadRuleDoesNotKeepTheOthersFromLoading() {
        SigmaEngine engine = engine(rule(selection("A|contians: x")),
                rule(selection("A: x")).replace("id: test-rule", "id: good-rule"));
        assertEquals(List.of(INVALID, RuleStatus.State.ENABLED), engine.statuses().stream().map(RuleStatus::state).toList());
        assertEquals("good-rule", engine.evaluate(event(Map.of("A", "x"))).getFirst().ruleId());
    }

    @Test
    void aFileWithAnInvalidSecondDocumentIsRejectedNamingThatDocumentsLine() {
        RuleStatus status = statusOf("multi.yml", rule(selection("A: x")) + "---\ntitle: Second\n");
        assertRejected(status, INVALID, "multi.yml:11", "rule 'Second'", "missing 'logsource' mapping");
    }
}
