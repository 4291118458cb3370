package dev.vigil.detect.sigma;

import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Log-source routing (Sigma taxonomy) and Sigma filters (the filters specification). */
class RoutingAndFilterTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static NormalizedEvent event(LogSource source, Map<String, Object> fields) {
        return new NormalizedEvent(1, TenantId.of("t"), T0, T0, "c", source, fields, "{}", null);
    }

    private static SigmaEngine engine(String... documents) {
        return SigmaEngine.compile(List.of(new RuleSource("test.yml", String.join("\n---\n", documents))), EngineOptions.DEFAULTS);
    }

    private static final String RUN_KEY = """
            title: Run key
            id: 00000000-0000-4000-8000-00000000000a
            name: run_key
            logsource: {product: windows, category: registry_event}
            detection:
                selection:
                    TargetObject|contains: '\\CurrentVersion\\Run'
                condition: selection
            """;

    @Test
    void aRuleSeesOnlyEventsOfItsLogSource() {
        SigmaEngine engine = engine(RUN_KEY);
        Map<String, Object> fields = Map.of("TargetObject", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\x");
        assertEquals(0, engine.evaluate(event(new LogSource("linux", "registry_event", null), fields)).size());
        assertEquals(0, engine.evaluate(event(new LogSource("windows", "process_creation", "sysmon"), fields)).size());
    }

    @Test
    void registryEventCoversEveryRegistrySubCategory() {
        SigmaEngine engine = engine(RUN_KEY);
        Map<String, Object> fields = Map.of("TargetObject", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\x");
        for (String category : List.of("registry_event", "registry_add", "registry_set", "registry_delete", "registry_rename")) {
            assertEquals(1, engine.evaluate(event(new LogSource("windows", category, "sysmon"), fields)).size(), category);
        }
    }

    @Test
    void aFilterNamingARuleByNameSuppressesItsMatches() {
        SigmaEngine engine = engine(RUN_KEY, """
                title: OneDrive updater
                id: 00000000-0000-4000-8000-00000000000b
                logsource: {product: windows, category: registry_event}
                filter:
                    rules: [run_key]
                    selection:
                        Image|endswith: '\\OneDriveStandaloneUpdater.exe'
                    condition: selection
                """);
        LogSource set = new LogSource("windows", "registry_set", "sysmon");
        String key = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDrive";
        assertEquals(0, engine.evaluate(event(set, Map.of("TargetObject", key, "Image", "C:\\x\\OneDriveStandaloneUpdater.exe"))).size());
        assertEquals(1, engine.evaluate(event(set, Map.of("TargetObject", key, "Image", "C:\\Users\\bob\\evil.exe"))).size());
    }

    @Test
    void aFilterWhoseLogSourceDoesNotCoverTheRuleIsInvalid() {
        SigmaEngine engine = engine(RUN_KEY, """
                title: Wrong source
                id: 00000000-0000-4000-8000-00000000000c
                logsource: {product: windows, category: process_creation}
                filter:
                    rules: [run_key]
                    selection:
                        Image|endswith: '\\x.exe'
                    condition: selection
                """);
        RuleStatus filter = engine.statuses().stream().filter(s -> s.kind() == RuleStatus.Kind.FILTER).findFirst().orElseThrow();
        assertEquals(RuleStatus.State.INVALID, filter.state());
        assertTrue(filter.reason().contains("does not cover rule run_key"), filter.reason());
    }

    @Test
    void aFilterNamingNoLoadedRuleIsInvalid() {
        SigmaEngine engine = engine(RUN_KEY, """
                title: Dangling
                id: 00000000-0000-4000-8000-00000000000d
                logsource: {product: windows}
                filter:
                    rules: [nope]
                    selection:
                        Image: x
                    condition: selection
                """);
        RuleStatus filter = engine.statuses().stream().filter(s -> s.kind() == RuleStatus.Kind.FILTER).findFirst().orElseThrow();
        assertTrue(filter.reason().contains("names no loaded rule (nope)"), filter.reason());
    }
}
