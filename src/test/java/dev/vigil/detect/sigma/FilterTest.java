package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.vigil.detect.sigma.SigmaFixture.engine;
import static dev.vigil.detect.sigma.SigmaFixture.event;
import static dev.vigil.detect.sigma.SigmaFixture.firing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sigma filters (the filters specification): tuning that suppresses the matches of the rules it names. */
class FilterTest {

    private static final String RULE = """
            title: Rar compression
            id: 6f3e2987-db24-4c78-a860-b4f4095a7095
            name: rar_compression
            logsource:
                product: windows
                category: process_creation
            detection:
                selection:
                    Image|endswith: '\\rar.exe'
                condition: selection
            """;

    private static String filter(String target, String logSource) {
        return """
                title: Filter Administrator account
                id: filter-admins
                logsource:
                %s
                filter:
                    rules:
                        - %s
                    selection:
                        User|startswith: 'adm_'
                    condition: selection
                """.formatted(logSource.indent(4).stripTrailing(), target);
    }

    private static final String PROCESS_CREATION = "product: windows\ncategory: process_creation";

    private static final Map<String, Object> ADMIN = Map.of("Image", "C:\\rar.exe", "User", "adm_alice");
    private static final Map<String, Object> USER = Map.of("Image", "C:\\rar.exe", "User", "alice");

    @Test
    void aFilterNamingARuleByIdSuppressesItsMatchesTheFilterSelects() {
        SigmaEngine engine = engine(RULE, filter("6f3e2987-db24-4c78-a860-b4f4095a7095", PROCESS_CREATION));
        assertEquals(List.of(), firing(engine, event(ADMIN)));
        assertEquals(List.of("6f3e2987-db24-4c78-a860-b4f4095a7095"), firing(engine, event(USER)));
    }

    @Test
    void aFilterMayNameTheRuleByItsName() {
        SigmaEngine engine = engine(RULE, filter("rar_compression", PROCESS_CREATION));
        assertEquals(List.of(), firing(engine, event(ADMIN)));
        assertEquals(RuleStatus.State.ENABLED, engine.statuses().get(1).state());
    }

    @Test
    void aFilterWithAWiderLogSourceApplies() {
        SigmaEngine engine = engine(RULE, filter("rar_compression", "product: windows"));
        assertEquals(List.of(), firing(engine, event(ADMIN)));
    }

    @Test
    void aFilterLoadedBeforeItsRuleStillApplies() {
        SigmaEngine engine = engine(filter("rar_compression", PROCESS_CREATION), RULE);
        assertEquals(List.of(), firing(engine, event(ADMIN)));
    }

    @Test
    void aFilterWhoseLogSourceDoesNotCoverTheRuleIsInvalid() {
        SigmaEngine engine = engine(RULE, filter("rar_compression", "product: linux\ncategory: process_creation"));
        RuleStatus status = engine.statuses().get(1);
        assertEquals(RuleStatus.State.INVALID, status.state());
        assertTrue(status.reason().startsWith("rule-2.yml:1: "), status.reason());
        assertTrue(status.reason().contains("does not cover rule rar_compression"), status.reason());
        assertEquals(List.of("6f3e2987-db24-4c78-a860-b4f4095a7095"), firing(engine, event(ADMIN)));
    }

    @Test
    void aFilterNamingNoLoadedRuleIsInvalid() {
        SigmaEngine engine = engine(RULE, filter("no-such-rule", PROCESS_CREATION));
        RuleStatus status = engine.statuses().get(1);
        assertEquals(RuleStatus.State.INVALID, status.state());
        assertTrue(status.reason().contains("names no loaded rule (no-such-rule)"), status.reason());
    }

    @Test
    void aDisabledFilterSuppressesNothing() {
        SigmaEngine engine = engine(new EngineOptions(Placeholders.NONE, Set.of("filter-admins")), RULE,
                filter("rar_compression", PROCESS_CREATION));
        assertEquals(RuleStatus.State.DISABLED, engine.statuses().get(1).state());
        assertEquals(List.of("6f3e2987-db24-4c78-a860-b4f4095a7095"), firing(engine, event(ADMIN)));
    }
}
