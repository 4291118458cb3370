package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.detect.sigma.RuleFixture.entry;
import static dev.vigil.detect.sigma.RuleFixture.refused;
import static dev.vigil.detect.sigma.RuleFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule that cannot be evaluated is never skipped silently: it is refused naming the file, line, rule and problem. */
class BadRuleTest {

    private static void invalid(String ruleText, String where, String problem) {
        RuleStatus status = refused(ruleText);
        assertEquals(RuleStatus.State.INVALID, status.state(), String.valueOf(status.reason()));
        assertTrue(status.reason().contains(where), status.reason());
        assertTrue(status.reason().contains(problem), status.reason());
    }

    @Test
    void aYamlErrorNamesTheLine() {
        invalid("title: Broken\nid: 1\nlogsource: {product: windows\ndetection:\n", "test.yml:", "not valid YAML");
        RuleStatus status = refused("title: Broken\nid: 1\n  bad: indentation: here\n");
        assertTrue(status.reason().startsWith("test.yml:3:"), status.reason());
    }

    @Test
    void anUnknownModifierIsNamed() {
        invalid(entry("CommandLine|contians", "'x'"), "test.yml:6: rule 'Under test'", "unknown modifier 'contians' in 'CommandLine|contians'");
    }

    @Test
    void unbalancedParenthesesAreNamedWithTheirColumn() {
        invalid(rule("a:\n    A: x\nb:\n    B: x\ncondition: a and (b or a"), "test.yml:9", "'(' at column 7 is never closed");
        invalid(rule("a:\n    A: x\ncondition: a)"), "test.yml:7", "')' at column 2 has no matching '('");
    }

    @Test
    void aConditionReferringToAMissingIdentifierIsNamed() {
        invalid(rule("selection:\n    A: x\ncondition: selction"), "test.yml:7", "refers to 'selction', which is not a search identifier of this rule (it has: selection)");
    }

    @Test
    void aPatternMatchingNothingIsNamed() {
        invalid(rule("selection:\n    A: x\ncondition: selection and not 1 of filter_*"), "test.yml:7", "'1 of filter_*' matches no search identifier");
    }

    @Test
    void anInvalidRegularExpressionIsNamed() {
        invalid(entry("CommandLine|re", "'(unclosed'"), "test.yml:6", "invalid regular expression '(unclosed'");
    }

    @Test
    void aRegexFlagWithoutReIsNamed() {
        invalid(entry("CommandLine|contains|i", "'x'"), "test.yml:6", "'i' in 'CommandLine|contains|i' is a flag of 're'");
    }

    @Test
    void existsNeedsABoolean() {
        invalid(entry("Image|exists", "'maybe'"), "test.yml:6", "'exists' takes true or false");
    }

    @Test
    void aComparisonNeedsANumber() {
        invalid(entry("Size|gt", "'big'"), "test.yml:6", "'Size|gt' needs a number, got 'big'");
    }

    @Test
    void conflictingTypeModifiersAreNamed() {
        invalid(entry("DestinationIp|cidr|re", "'10.0.0.0/8'"), "test.yml:6", "cannot be combined");
    }

    @Test
    void missingSectionsAreNamed() {
        invalid("id: 1\nlogsource: {product: windows}\ndetection:\n    s: {A: x}\n    condition: s\n", "test.yml:1", "missing 'title'");
        invalid("title: T\nlogsource: {product: windows}\n", "test.yml:1: rule 'T'", "missing 'detection' mapping");
        invalid("title: T\ndetection:\n    s: {A: x}\n    condition: s\n", "test.yml:1: rule 'T'", "missing 'logsource'");
        invalid("title: T\nlogsource: {product: windows}\ndetection:\n    s: {A: x}\n", "test.yml:4: rule 'T'", "missing 'condition'");
    }

    @Test
    void aSigma1AggregationIsUnsupportedWithAdvice() {
        RuleStatus status = refused(rule("selection:\n    A: x\ncondition: selection | count() by B > 5"));
        assertEquals(RuleStatus.State.UNSUPPORTED, status.state());
        assertTrue(status.reason().contains("express it as a correlation rule"), status.reason());
    }

    @Test
    void aDuplicateIdIsRefusedNamingWhereTheFirstCameFrom() {
        String text = entry("A", "x");
        SigmaEngine engine = SigmaEngine.compile(List.of(new RuleSource("one.yml", text), new RuleSource("two.yml", text)), EngineOptions.DEFAULTS);
        RuleStatus second = engine.statuses().stream().filter(s -> !s.enabled()).findFirst().orElseThrow();
        assertTrue(second.reason().contains("two.yml") && second.reason().contains("already loaded from one.yml"), second.reason());
    }
}
