package dev.vigil.analyst.anomaly;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-host process baselines: quiet while warming up, then each new behaviour once, per tenant, within bounds. */
class ProcessBaselinesTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final String EXPLORER = "C:\\Windows\\explorer.exe";
    private static final String WORD = "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";
    private static final String RUNDLL = "C:\\Windows\\System32\\rundll32.exe";

    private static void warmUp(ProcessBaselines b, TenantId tenant, String host, int starts) {
        for (int i = 0; i < starts; i++) {
            assertTrue(b.learn(tenant, host, i % 2 == 0 ? WORD : RUNDLL, EXPLORER).isEmpty() || i >= 2);
        }
    }

    @Test
    void nothingIsNewWhileTheHostWarmsUp() {
        ProcessBaselines b = new ProcessBaselines(10, 100, 100);
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), b.learn(ACME, "ws-1", "C:\\tool-" + i + ".exe", EXPLORER));
        }
        assertTrue(b.warm(ACME, "ws-1"));
    }

    @Test
    void aNewParentChildPairOnAWarmHostIsFoundOnceAndExplained() {
        ProcessBaselines b = new ProcessBaselines(10, 100, 100);
        warmUp(b, ACME, "ws-12", 10);

        Optional<ProcessBaselines.Finding> first = b.learn(ACME, "ws-12", RUNDLL, WORD);

        assertEquals(ProcessBaselines.Novelty.NEW_PARENT_CHILD, first.orElseThrow().novelty());
        assertEquals("first time rundll32.exe was spawned by winword.exe on host ws-12", first.orElseThrow().explanation());
        assertEquals(Optional.empty(), b.learn(ACME, "ws-12", RUNDLL, WORD));
        assertEquals(2, b.pairCount(ACME, "ws-12", RUNDLL, WORD));
    }

    @Test
    void aProgramTheHostNeverRanIsANewProgram() {
        ProcessBaselines b = new ProcessBaselines(10, 100, 100);
        warmUp(b, ACME, "ws-12", 10);

        ProcessBaselines.Finding f = b.learn(ACME, "ws-12", "C:\\Users\\bob\\AppData\\Local\\Temp\\mimikatz.exe", EXPLORER)
                .orElseThrow();

        assertEquals(ProcessBaselines.Novelty.NEW_PROGRAM, f.novelty());
        assertEquals("first time mimikatz.exe ran on host ws-12 (started by explorer.exe)", f.explanation());
    }

    @Test
    void tenantsNeverShareABaseline() {
        ProcessBaselines b = new ProcessBaselines(10, 100, 100);
        warmUp(b, ACME, "ws-12", 10);
        b.learn(ACME, "ws-12", RUNDLL, WORD);

        assertFalse(b.warm(GLOBEX, "ws-12"));
        assertEquals(0, b.pairCount(GLOBEX, "ws-12", RUNDLL, WORD));
        warmUp(b, GLOBEX, "ws-12", 10);
        assertTrue(b.learn(GLOBEX, "ws-12", RUNDLL, WORD).isPresent(), "what acme's host did is new for globex's");
    }

    @Test
    void theLeastRecentlySeenHostIsEvictedWhenATenantHasTooMany() {
        ProcessBaselines b = new ProcessBaselines(1, 2, 100);
        b.learn(ACME, "a", WORD, EXPLORER);
        b.learn(ACME, "b", WORD, EXPLORER);
        b.learn(ACME, "a", WORD, EXPLORER);
        b.learn(ACME, "c", WORD, EXPLORER);

        assertTrue(b.warm(ACME, "a"));
        assertFalse(b.warm(ACME, "b"), "b was least recently seen");
        assertEquals(1, b.evictions());
    }

    @Test
    void programNamesAreFoldedToTheirLowerCaseFileName() {
        assertEquals("winword.exe", ProcessBaselines.name(WORD));
        assertEquals("bash", ProcessBaselines.name("/usr/bin/bash"));
        assertEquals("(unknown)", ProcessBaselines.name(null));
    }
}
