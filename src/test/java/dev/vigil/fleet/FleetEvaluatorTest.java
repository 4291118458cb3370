package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure promotion rules: thresholds per type, the floor, and the cool-off measured on a given clock. */
class FleetEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final String HASH = "ab".repeat(32);

    private static PromotionPolicy policy(int indicator, int shape, int fingerprint, Duration coolOff) {
        return new PromotionPolicy(Map.of(ArtefactType.INDICATOR_HASH, indicator, ArtefactType.PATTERN_SHAPE, shape,
                ArtefactType.ANOMALY_FINGERPRINT, fingerprint), coolOff);
    }

    private static FleetSighting seen(String tenant, ArtefactType type, Instant at, ConsentState state) {
        return new FleetSighting(tenant, TenantId.of(tenant), type, HASH, at, state, "2026-1");
    }

    private static Set<TenantId> consenting(String... ids) {
        return java.util.Arrays.stream(ids).map(TenantId::of).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void threeConsentingTenantsPromoteOnlyOnceTheCoolOffSinceTheFirstSightingHasElapsed() {
        PromotionEvaluator evaluator = new PromotionEvaluator(policy(3, 3, 3, Duration.ofDays(7)));
        List<FleetSighting> sightings = List.of(seen("a", ArtefactType.INDICATOR_HASH, T0, ConsentState.GRANTED),
                seen("b", ArtefactType.INDICATOR_HASH, T0.plus(Duration.ofDays(2)), ConsentState.GRANTED),
                seen("c", ArtefactType.INDICATOR_HASH, T0.plus(Duration.ofDays(3)), ConsentState.GRANTED));
        PromotionEvaluator.Verdict early = evaluator.evaluate(ArtefactType.INDICATOR_HASH, sightings,
                consenting("a", "b", "c"), T0.plus(Duration.ofDays(7)).minusSeconds(1));
        assertEquals(PromotionEvaluator.Gate.COOL_OFF, early.gate());
        assertTrue(early.reason().contains("promotable from 2026-03-08T00:00:00Z"), early.reason());
        PromotionEvaluator.Verdict ready = evaluator.evaluate(ArtefactType.INDICATOR_HASH, sightings,
                consenting("a", "b", "c"), T0.plus(Duration.ofDays(7)));
        assertEquals(PromotionDecision.Outcome.PROMOTE, ready.outcome());
        assertEquals(3, ready.distinctTenants());
    }

    @Test
    void eachArtefactTypeHasItsOwnThreshold() {
        PromotionEvaluator evaluator = new PromotionEvaluator(policy(3, 5, 3, Duration.ZERO));
        List<FleetSighting> shapes = List.of("a", "b", "c", "d").stream()
                .map(t -> seen(t, ArtefactType.PATTERN_SHAPE, T0, ConsentState.GRANTED)).toList();
        PromotionEvaluator.Verdict verdict = evaluator.evaluate(ArtefactType.PATTERN_SHAPE, shapes,
                consenting("a", "b", "c", "d"), T0);
        assertEquals("not enough distinct consenting tenants: 4 of 5 needed for pattern-shape", verdict.reason());
    }

    @Test
    void aSightingStampedWithoutConsentDoesNotCountEvenIfTheTenantConsentsLater() {
        PromotionEvaluator evaluator = new PromotionEvaluator(policy(3, 3, 3, Duration.ZERO));
        List<FleetSighting> sightings = List.of(seen("a", ArtefactType.INDICATOR_HASH, T0, ConsentState.GRANTED),
                seen("b", ArtefactType.INDICATOR_HASH, T0, ConsentState.GRANTED),
                seen("c", ArtefactType.INDICATOR_HASH, T0, ConsentState.WITHDRAWN));
        PromotionEvaluator.Verdict verdict = evaluator.evaluate(ArtefactType.INDICATOR_HASH, sightings,
                consenting("a", "b", "c"), T0);
        assertEquals(2, verdict.distinctTenants());
        assertEquals(PromotionDecision.Outcome.REFUSE, verdict.outcome());
    }

    @Test
    void aThresholdBelowTheFloorIsRefusedNamingTheSettingAndTheFloor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> policy(3, 3, PromotionPolicy.FLOOR - 1, Duration.ZERO));
        assertEquals("vigil.fleet.min-tenants.anomaly-fingerprint is 2, below the floor of 3 distinct consenting tenants"
                + " fixed in code; refusing to start", e.getMessage());
    }
}
