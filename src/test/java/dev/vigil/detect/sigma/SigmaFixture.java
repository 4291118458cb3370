package dev.vigil.detect.sigma;

import dev.vigil.detect.RuleMatch;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Small rules and hand-made events for the Sigma engine's specification tests. */
final class SigmaFixture {

    static final LogSource PROCESS_CREATION = new LogSource("windows", "process_creation", null);

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    private SigmaFixture() {
    }

    /** A windows/process_creation rule with id {@code test-rule} and the given detection section (unindented). */
    static String rule(String detection) {
        return """
                title: Test rule
                id: test-rule
                logsource:
                    product: windows
                    category: process_creation
                detection:
                """ + detection.indent(4);
    }

    /** A detection with one search identifier {@code selection} holding this one entry, and condition {@code selection}. */
    static String selection(String entry) {
        return "selection:\n    " + entry + "\ncondition: selection";
    }

    /** Compiles each YAML text as its own source, named {@code rule-1.yml}, {@code rule-2.yml}, ... */
    static SigmaEngine engine(EngineOptions options, String... yamls) {
        List<RuleSource> sources = new ArrayList<>();
        for (int i = 0; i < yamls.length; i++) {
            sources.add(new RuleSource("rule-" + (i + 1) + ".yml", yamls[i]));
        }
        return SigmaEngine.compile(sources, options);
    }

    static SigmaEngine engine(String... yamls) {
        return engine(EngineOptions.DEFAULTS, yamls);
    }

    /** The single status of a single source compiled alone. */
    static RuleStatus statusOf(String origin, String yaml) {
        return statusOf(origin, yaml, EngineOptions.DEFAULTS);
    }

    static RuleStatus statusOf(String origin, String yaml, EngineOptions options) {
        List<RuleStatus> statuses = SigmaEngine.compile(List.of(new RuleSource(origin, yaml)), options).statuses();
        assertEquals(1, statuses.size(), () -> "statuses: " + statuses);
        return statuses.getFirst();
    }

    /** Compiles a windows/process_creation rule with this detection, which must load enabled. */
    static SigmaEngine enabled(String detection) {
        return enabled(EngineOptions.DEFAULTS, detection);
    }

    static SigmaEngine enabled(EngineOptions options, String detection) {
        SigmaEngine engine = engine(options, rule(detection));
        RuleStatus status = engine.statuses().getFirst();
        if (!status.enabled()) {
            fail("rule did not load enabled: " + status.state() + " " + status.reason());
        }
        return engine;
    }

    /** True when a windows/process_creation rule with this detection fires on a process_creation event with these fields. */
    static boolean fires(String detection, Map<String, ?> fields) {
        return !enabled(detection).evaluate(event(fields)).isEmpty();
    }

    /** Ids of the rules the engine raises on the event. */
    static List<String> firing(SigmaEngine engine, NormalizedEvent event) {
        return engine.evaluate(event).stream().map(RuleMatch::ruleId).toList();
    }

    static NormalizedEvent event(Map<String, ?> fields) {
        return event(PROCESS_CREATION, fields);
    }

    static NormalizedEvent event(LogSource source, Map<String, ?> fields) {
        return new NormalizedEvent(1, TenantId.of("t"), TIME, TIME, "test", source, new LinkedHashMap<>(fields),
                fields.toString(), null);
    }

    /** An event with no parsed fields, only raw text. */
    static NormalizedEvent rawEvent(String raw) {
        return new NormalizedEvent(1, TenantId.of("t"), TIME, TIME, "test", PROCESS_CREATION, Map.of(), raw, null);
    }
}
