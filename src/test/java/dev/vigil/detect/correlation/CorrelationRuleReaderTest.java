package dev.vigil.detect.correlation;

import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.sigma.SigmaRuleException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.vigil.detect.correlation.CorrelationFixture.error;
import static dev.vigil.detect.correlation.CorrelationFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading correlation rules: what is kept, what defaults apply, and how every kind of bad rule is refused. */
class CorrelationRuleReaderTest {

    /**
     * A valid event_count rule; tests replace one line of it. Line numbers: type is on line 5 (where the correlation
     * mapping, named in errors about a missing key, starts), timespan on 8, the condition mapping on 10.
     */
    private static final String VALID = """
            title: Brute force
            id: 11111111-1111-4111-8111-111111111111
            name: brute_force
            correlation:
                type: event_count
                rules: [failed_login]
                group-by: [User]
                timespan: 10m
                condition:
                    gte: 10
            level: high
            tags: [attack.t1110]
            """;

    private static void assertRefused(String yaml, int line, String problem) {
        SigmaRuleException e = error(yaml);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.yml:" + line + ": rule '"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.unsupported(), e.getMessage());
    }

    private static void assertUnsupported(String yaml, int line, String problem) {
        SigmaRuleException e = error(yaml);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.unsupported(), e.getMessage());
        assertTrue(e.getMessage().contains("unsupported: " + problem), e.getMessage());
    }

    @Test
    void aValidRuleKeepsEveryAttribute() throws Exception {
        CorrelationRule rule = rule(VALID);
        assertEquals("11111111-1111-4111-8111-111111111111", rule.id());
        assertEquals("brute_force", rule.name());
        assertEquals(CorrelationType.EVENT_COUNT, rule.type());
        assertEquals(List.of("failed_login"), rule.rules());
        assertEquals(List.of("User"), rule.groupBy());
        assertEquals(Duration.ofMinutes(10), rule.timespan());
        assertEquals("gte 10", rule.condition().toString());
        assertEquals(RuleLevel.HIGH, rule.level());
        assertEquals(List.of("attack.t1110"), rule.tags());
        assertFalse(rule.generate());
        assertEquals(1, rule.line());
    }

    @Test
    void timespansReadSecondsMinutesHoursAndDays() throws Exception {
        for (Map.Entry<String, Duration> span : Map.of("45s", Duration.ofSeconds(45), "90m", Duration.ofMinutes(90),
                "2h", Duration.ofHours(2), "7d", Duration.ofDays(7)).entrySet()) {
            assertEquals(span.getValue(), rule(VALID.replace("timespan: 10m", "timespan: " + span.getKey())).timespan());
        }
    }

    @Test
    void aTemporalRuleWithoutConditionNeedsEveryReferencedRule() throws Exception {
        CorrelationRule rule = rule(VALID.replace("type: event_count", "type: temporal").replace("[failed_login]", "[a, b, c]")
                .replace("    condition:\n        gte: 10\n", ""));
        assertEquals("gte 3", rule.condition().toString());
    }

    @Test
    void levelDefaultsToMedium() throws Exception {
        assertEquals(RuleLevel.MEDIUM, rule(VALID.replace("level: high\n", "")).level());
    }

    @Test
    void generateIsReadAtTheTopOrInsideTheCorrelation() throws Exception {
        assertTrue(rule(VALID + "generate: true\n").generate());
        assertTrue(rule(VALID.replace("    timespan: 10m", "    timespan: 10m\n    generate: true")).generate());
    }

    @Test
    void valueCountMayCountCombinationsOfSeveralFields() throws Exception {
        CorrelationRule rule = rule(VALID.replace("type: event_count", "type: value_count").replace("gte: 10", "gte: 10\n        field: [User, Domain]"));
        assertEquals(List.of("User", "Domain"), rule.condition().fields());
    }

    @Test
    void anUnknownTypeIsRefusedAtItsLine() {
        assertRefused(VALID.replace("event_count", "event_sum"), 5, "unknown correlation type 'event_sum'");
    }

    @Test
    void aPySigmaOnlyTypeIsReportedAsUnsupported() {
        assertUnsupported(VALID.replace("event_count", "value_median"), 5, "correlation type 'value_median' is a pySigma extension");
    }

    @Test
    void aBooleanExpressionConditionIsReportedAsUnsupported() {
        assertUnsupported(VALID.replace("type: event_count", "type: temporal").replace("    condition:\n        gte: 10",
                "    condition: failed_login and not success"), 9, "a boolean-expression condition");
    }

    @Test
    void aMissingTimespanIsRefused() {
        assertRefused(VALID.replace("    timespan: 10m\n", ""), 5, "missing 'correlation: timespan'");
    }

    @Test
    void aTimespanThatIsNotANumberAndUnitIsRefusedAtItsLine() {
        assertRefused(VALID.replace("10m", "1 hour"), 8, "timespan '1 hour' is not a positive number followed by s, m, h or d");
    }

    @Test
    void aTimespanUnitOutsideTheSpecificationIsRefused() {
        assertRefused(VALID.replace("10m", "2w"), 8, "has unit 'w': the specification defines only s, m, h and d");
        assertRefused(VALID.replace("10m", "10M"), 8, "has unit 'M'");
    }

    @Test
    void aZeroOrHugeTimespanIsRefused() {
        assertRefused(VALID.replace("10m", "0s"), 8, "is zero");
        assertRefused(VALID.replace("10m", "99999999999999999999d"), 8, "longer than the longest window, 366d");
    }

    @Test
    void missingRulesAreRefused() {
        assertRefused(VALID.replace("    rules: [failed_login]\n", ""), 5, "missing 'correlation: rules'");
        assertRefused(VALID.replace("[failed_login]", "[]"), 6, "must name at least one rule");
    }

    @Test
    void aRuleListedTwiceIsRefused() {
        assertRefused(VALID.replace("[failed_login]", "[failed_login, failed_login]"), 6, "lists 'failed_login' twice");
    }

    @Test
    void aMissingGroupByIsRefused() {
        assertRefused(VALID.replace("    group-by: [User]\n", ""), 5, "missing 'correlation: group-by'");
    }

    @Test
    void anEventCountWithoutConditionIsRefused() {
        assertRefused(VALID.replace("    condition:\n        gte: 10\n", ""), 5, "missing 'correlation: condition'");
    }

    @Test
    void anUnknownConditionOperatorIsRefusedAtItsLine() {
        assertRefused(VALID.replace("gte: 10", "atleast: 10"), 10, "unknown condition operator 'atleast'");
    }

    @Test
    void aConditionThresholdThatIsNotANumberIsRefused() {
        assertRefused(VALID.replace("gte: 10", "gte: ten"), 10, "condition 'gte' needs a number, got 'ten'");
    }

    @Test
    void aValueTypeWithoutFieldIsRefused() {
        assertRefused(VALID.replace("event_count", "value_sum"), 10, "a value_sum correlation needs 'condition: field'");
    }

    @Test
    void aFieldOnAnEventCountIsRefused() {
        assertRefused(VALID.replace("gte: 10", "gte: 10\n        field: User"), 11, "'condition: field' applies only to value_count");
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertRefused(VALID.replace("event_count", "value_percentile").replace("gte: 10", "gte: 10\n        field: Bytes\n        percentile: 120"),
                12, "'condition: percentile' must be a whole number from 0 to 100");
    }

    @Test
    void anAliasForARuleTheCorrelationDoesNotReferToIsRefusedAtItsLine() {
        assertRefused(VALID.replace("    timespan: 10m", "    timespan: 10m\n    aliases:\n        ip:\n            other_rule: source.ip"),
                11, "alias 'ip' names rule 'other_rule', which this correlation does not refer to");
    }

    @Test
    void anUnknownKeyInTheCorrelationSectionIsRefused() {
        assertRefused(VALID.replace("    timespan: 10m", "    timespan: 10m\n    timeframe: 5m"), 9, "unknown key 'timeframe' in 'correlation'");
    }

    @Test
    void generateThatIsNotABooleanIsRefused() {
        assertRefused(VALID + "generate: sometimes\n", 13, "'generate' must be true or false");
    }

    @Test
    void anUnknownLevelStatusOrDateIsRefused() {
        assertRefused(VALID.replace("level: high", "level: severe"), 11, "unknown level 'severe'");
        assertRefused(VALID + "status: production\n", 13, "unknown status 'production'");
        assertRefused(VALID + "date: 2023/06/16\n", 13, "'date' must be a date as YYYY-MM-DD");
    }

    @Test
    void theErrorNamesTheRuleByTitle() {
        assertTrue(error(VALID.replace("event_count", "nope")).getMessage().startsWith("test.yml:5: rule 'Brute force': "));
    }

    @Test
    void aRuleWithoutIdGetsAStableDerivedOne() throws Exception {
        String withoutId = VALID.replace("id: 11111111-1111-4111-8111-111111111111\n", "");
        assertEquals(rule(withoutId).id(), rule(withoutId).id());
        assertNull(rule(withoutId).metadata().status());
    }
}
