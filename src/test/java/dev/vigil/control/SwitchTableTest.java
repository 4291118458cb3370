package dev.vigil.control;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How switch settings resolve: the narrowest scope wins, each feature falls back as declared. */
class SwitchTableTest {

    private static final TenantId ACME = TenantId.of("acme");

    private static SwitchSetting setting(AiFeature f, TenantId t, String site, String version, boolean on) {
        return new SwitchSetting(new SwitchTarget(f, t, site, version), on, "test", "alice", Instant.EPOCH);
    }

    @Test
    void withNoSettingsEveryFeatureIsOn() {
        assertTrue(SwitchTable.EMPTY.decide(AiFeature.TRIAGE_MODEL, ACME, null, null).enabled());
    }

    @Test
    void aGlobalSwitchTurnsEveryFeatureToItsDeclaredFallback() {
        SwitchTable t = SwitchTable.EMPTY.with(setting(null, null, null, null, false));
        for (AiFeature f : AiFeature.values()) {
            SwitchDecision d = t.decide(f, ACME, "dc1", null);
            assertFalse(d.enabled());
            assertEquals(f.fallback(), d.fallback());
        }
    }

    @Test
    void theNarrowestScopeWins() {
        SwitchTable t = SwitchTable.EMPTY
                .with(setting(null, null, null, null, false))
                .with(setting(AiFeature.SIMILAR_ALERTS, null, null, null, true))
                .with(setting(AiFeature.SIMILAR_ALERTS, ACME, null, null, false))
                .with(setting(AiFeature.SIMILAR_ALERTS, ACME, "dc1", null, true));
        assertTrue(t.decide(AiFeature.SIMILAR_ALERTS, ACME, "dc1", null).enabled());
        assertFalse(t.decide(AiFeature.SIMILAR_ALERTS, ACME, "dc2", null).enabled());
        assertTrue(t.decide(AiFeature.SIMILAR_ALERTS, TenantId.of("other"), null, null).enabled());
        assertFalse(t.decide(AiFeature.TRIAGE_MODEL, ACME, "dc1", null).enabled());
    }

    @Test
    void aSwitchedOffModelVersionFallsBackToThePreviousVersion() {
        SwitchTable t = SwitchTable.EMPTY.with(setting(AiFeature.TRIAGE_MODEL, ACME, null, "triage@7", false));
        SwitchDecision d = t.decide(AiFeature.TRIAGE_MODEL, ACME, null, "triage@7");
        assertEquals(Fallback.PINNED_PREVIOUS_VERSION, d.fallback());
        assertTrue(t.decide(AiFeature.TRIAGE_MODEL, ACME, null, "triage@6").enabled());
    }

    @Test
    void aFeatureSwitchedOffOverridesAnyModelVersion() {
        SwitchTable t = SwitchTable.EMPTY.with(setting(AiFeature.TRIAGE_MODEL, null, null, null, false));
        assertEquals(Fallback.RULES_ONLY_SEVERITY, t.decide(AiFeature.TRIAGE_MODEL, ACME, null, "triage@7").fallback());
    }

    @Test
    void safeModeTurnsEveryFeatureOff() {
        SwitchDecision d = SwitchTable.SAFE.decide(AiFeature.ANOMALY_SCORING, ACME, null, null);
        assertFalse(d.enabled());
        assertTrue(d.decidedBy().startsWith("safe default"));
    }

    @Test
    void aSiteWithoutATenantIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SwitchTarget(AiFeature.TRIAGE_MODEL, null, "dc1", null));
    }
}
