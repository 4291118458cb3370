package dev.vigil.detect.sigma;

import dev.vigil.event.LogSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.vigil.detect.sigma.SigmaFixture.engine;
import static dev.vigil.detect.sigma.SigmaFixture.event;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule sees only the events its {@code logsource} covers. */
class LogSourceRoutingTest {

    private static final Map<String, Object> FIELDS = Map.of("CommandLine", "whoami");

    private static boolean sees(String ruleLogSource, LogSource eventSource) {
        String rule = """
                title: Whoami
                id: whoami
                logsource:
                %s
                detection:
                    selection:
                        CommandLine: whoami
                    condition: selection
                """.formatted(ruleLogSource.indent(4).stripTrailing());
        return !engine(rule).evaluate(event(eventSource, FIELDS)).isEmpty();
    }

    @Test
    void aRuleSeesEventsOfItsOwnLogSource() {
        assertTrue(sees("product: windows\ncategory: process_creation", new LogSource("windows", "process_creation", null)));
    }

    @Test
    void aWindowsRuleDoesNotSeeLinuxEvents() {
        assertFalse(sees("product: windows\ncategory: process_creation", new LogSource("linux", "process_creation", null)));
    }

    @Test
    void aRuleDoesNotSeeAnotherCategory() {
        assertFalse(sees("product: windows\ncategory: process_creation", new LogSource("windows", "file_event", null)));
    }

    @Test
    void aRuleNamingOnlyAProductSeesEveryCategoryOfIt() {
        assertTrue(sees("product: windows", new LogSource("windows", "file_event", "sysmon")));
    }

    @Test
    void aRuleNamingAServiceSeesOnlyThatService() {
        assertTrue(sees("product: windows\nservice: security", new LogSource("windows", null, "security")));
        assertFalse(sees("product: windows\nservice: security", new LogSource("windows", null, "system")));
    }

    @Test
    void aRuleWithACategoryDoesNotSeeEventsOfUnknownCategory() {
        assertFalse(sees("product: windows\ncategory: process_creation", new LogSource("windows", null, null)));
    }

    @Test
    void logSourcesCompareCaseInsensitively() {
        assertTrue(sees("product: windows\ncategory: process_creation", new LogSource("Windows", "Process_Creation", null)));
    }

    @Test
    void registryEventCoversEveryRegistrySubCategory() {
        for (String category : new String[] {"registry_event", "registry_add", "registry_delete", "registry_set", "registry_rename"}) {
            assertTrue(sees("product: windows\ncategory: registry_event", new LogSource("windows", category, null)), category);
        }
    }

    @Test
    void aRegistrySubCategoryDoesNotCoverItsSiblings() {
        assertFalse(sees("product: windows\ncategory: registry_set", new LogSource("windows", "registry_add", null)));
    }
}
