package dev.vigil.detect.sigma;

import dev.vigil.detect.RuleMatch;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds one-rule engines and hand-made events for the specification tests. */
final class RuleFixture {

    static final LogSource PROCESS_CREATION = new LogSource("windows", "process_creation", "sysmon");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private RuleFixture() {
    }

    /** A rule whose detection section is {@code detection} (indented YAML lines, condition included). */
    static String rule(String detection) {
        return """
                title: Under test
                id: 00000000-0000-4000-8000-000000000001
                logsource: {product: windows, category: process_creation}
                detection:
                %s
                level: medium
                """.formatted(detection.indent(4).stripTrailing());
    }

    /** A rule with one selection holding one entry, e.g. {@code entry("CommandLine|contains", "'foo'")}. */
    static String entry(String key, String yamlValue) {
        return rule("selection:\n    " + key + ": " + yamlValue + "\ncondition: selection");
    }

    static SigmaEngine compile(String ruleText) {
        return compile(ruleText, EngineOptions.DEFAULTS);
    }

    static SigmaEngine compile(String ruleText, EngineOptions options) {
        return SigmaEngine.compile(List.of(new RuleSource("test.yml", ruleText)), options);
    }

    static NormalizedEvent event(Map<String, Object> fields) {
        return new NormalizedEvent(1, TenantId.of("t"), T0, T0, "windows-json", PROCESS_CREATION, fields, "{}", null);
    }

    static List<RuleMatch> matches(String ruleText, Map<String, Object> fields) {
        SigmaEngine engine = compile(ruleText);
        RuleStatus status = engine.statuses().getFirst();
        if (!status.enabled()) {
            throw new AssertionError("rule did not load: " + status.reason());
        }
        return engine.evaluate(event(fields));
    }

    static boolean fires(String ruleText, Map<String, Object> fields) {
        return !matches(ruleText, fields).isEmpty();
    }

    /** The one status of a rule that must not load. */
    static RuleStatus refused(String ruleText) {
        return compile(ruleText).statuses().getFirst();
    }
}
