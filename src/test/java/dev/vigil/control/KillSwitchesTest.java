package dev.vigil.control;

import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kill switch service: durable, audited, dry-runnable, and safe when its store is damaged. */
class KillSwitchesTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final SwitchTarget TRIAGE = new SwitchTarget(AiFeature.TRIAGE_MODEL, null, null, null);

    @TempDir
    Path dir;

    private AuditTrail audit;
    private final InFlightWork inFlight = new InFlightWork();
    private SwitchStore store;
    private KillSwitches switches;

    @BeforeEach
    void setUp() {
        audit = new AuditTrail(dir.resolve("audit"), Clock.systemUTC(), "test");
        store = new SwitchStore(dir.resolve("control/switches.json"));
        switches = new KillSwitches(store, audit, Clock.systemUTC(), inFlight);
    }

    @AfterEach
    void close() throws IOException {
        audit.close();
    }

    @Test
    void aFlipTakesEffectOnTheNextEvaluation() {
        assertTrue(switches.state(AiFeature.TRIAGE_MODEL, ACME).enabled());
        switches.set(TRIAGE, false, "model misbehaves", "alice", "analyst", ACME, false);
        assertFalse(switches.state(AiFeature.TRIAGE_MODEL, ACME).enabled());
    }

    @Test
    void aFlipIsAuditedWithWhoWhyBeforeAndAfter() {
        switches.set(TRIAGE, false, "model misbehaves", "alice", "analyst", ACME, false);
        switches.set(TRIAGE, true, "fixed", "bob", "admin", ACME, false);
        List<AuditEntry> entries = audit.entries(ACME, 10);
        assertEquals(2, entries.size());
        assertEquals("switch.set", entries.get(1).action());
        assertEquals("bob", entries.get(1).actor());
        assertEquals(TRIAGE.describe(), entries.get(1).object());
        assertEquals(entries.get(0).afterHash(), entries.get(1).beforeHash());
    }

    @Test
    void settingsSurviveARestart() {
        switches.set(TRIAGE, false, "model misbehaves", "alice", "analyst", ACME, false);
        KillSwitches restarted = new KillSwitches(store, audit, Clock.systemUTC(), inFlight);
        assertFalse(restarted.state(AiFeature.TRIAGE_MODEL, ACME).enabled());
    }

    @Test
    void aDryRunChangesNothingAndSaysWhatWouldChangeIncludingWorkInFlight() {
        try (var work = inFlight.begin(AiFeature.TRIAGE_MODEL, ACME)) {
            SwitchChange preview = switches.set(TRIAGE, false, "what if", "alice", "analyst", ACME, true);
            assertFalse(preview.applied());
            assertEquals(1, preview.effects().size());
            SwitchChange.Effect e = preview.effects().getFirst();
            assertEquals(AiFeature.TRIAGE_MODEL, e.feature());
            assertEquals("acme", e.tenant());
            assertEquals(1, e.inFlight());
        }
        assertTrue(switches.state(AiFeature.TRIAGE_MODEL, ACME).enabled());
        assertEquals(0, audit.size());
    }

    @Test
    void aCorruptStoreGivesEveryFeatureItsSafeDefaultAndReportsTheError() throws IOException {
        Files.writeString(store.file(), "{ not json");
        KillSwitches damaged = new KillSwitches(store, audit, Clock.systemUTC(), inFlight);
        for (AiFeature f : AiFeature.values()) {
            SwitchDecision d = damaged.state(f, ACME);
            assertFalse(d.enabled());
            assertEquals(f.fallback(), d.fallback());
        }
        assertTrue(damaged.storeError().isPresent());
    }

    @Test
    void aMissingStoreAfterFirstStartGivesSafeDefaults() throws IOException {
        Files.delete(store.file());
        KillSwitches damaged = new KillSwitches(store, audit, Clock.systemUTC(), inFlight);
        assertFalse(damaged.state(AiFeature.SIMILAR_ALERTS, ACME).enabled());
        assertTrue(damaged.storeError().orElseThrow().contains("missing"));
    }

    @Test
    void changesAreRefusedWhileTheStoreIsDamaged() throws IOException {
        Files.writeString(store.file(), "[]");
        KillSwitches damaged = new KillSwitches(store, audit, Clock.systemUTC(), inFlight);
        assertThrows(IllegalStateException.class, () -> damaged.set(TRIAGE, true, "x", "bob", "admin", ACME, false));
        assertEquals(0, audit.size());
    }

    @Test
    void aSwitchOfAnotherTenantCannotBeChanged() {
        SwitchTarget other = new SwitchTarget(AiFeature.TRIAGE_MODEL, TenantId.of("other"), null, null);
        assertThrows(IllegalArgumentException.class, () -> switches.set(other, false, "x", "alice", "analyst", ACME, false));
    }

    @Test
    void aFlipWithoutAReasonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> switches.set(TRIAGE, false, " ", "alice", "analyst", ACME, false));
        assertTrue(switches.state(AiFeature.TRIAGE_MODEL, ACME).enabled());
    }
}
