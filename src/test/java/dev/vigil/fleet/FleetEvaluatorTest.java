package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure promotion rules: the fleet size, markings, thresholds and cool-offs per type, and their floors. */
class FleetEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final String HASH = "ab".repeat(32);
    private static final Duration DAY = Duration.ofDays(1);
    private static final int FLEET = 10;

    private static PromotionPolicy policy(int indicator, int shape, int fingerprint, Duration coolOff) {
        return new PromotionPolicy(Map.of(ArtefactType.INDICATOR_HASH, indicator, ArtefactType.PATTERN_SHAPE, shape,
                ArtefactType.ANOMALY_FINGERPRINT, fingerprint), Map.of(ArtefactType.INDICATOR_HASH, coolOff,
                ArtefactType.PATTERN_SHAPE, coolOff, ArtefactType.ANOMALY_FINGERPRINT, coolOff));
    }

    private static FleetSighting seen(String tenant, ArtefactType type, Instant at, ConsentState state, Tlp tlp) {
        return new FleetSighting(tenant, TenantId.of(tenant), type, HASH, at, state, "2026-1", tlp);
    }

    private static FleetSighting seen(String tenant, Instant at) {
        return seen(tenant, ArtefactType.INDICATOR_HASH, at, ConsentState.GRANTED, Tlp.AMBER);
    }

    private static Set<TenantId> consenting(String... ids) {
        return Arrays.stream(ids).map(TenantId::of).collect(Collectors.toSet());
    }

    @Test
    void threeConsentingTenantsPromoteOnlyOnceTheCoolOffSinceTheFirstSightingHasElapsed() {
        PromotionEvaluator evaluator = new PromotionEvaluator(policy(3, 3, 3, Duration.ofDays(7)));
        List<FleetSighting> sightings = List.of(seen("a", T0), seen("b", T0.plus(Duration.ofDays(2))),
                seen("c", T0.plus(Duration.ofDays(3))));
        PromotionEvaluator.Verdict early = evaluator.evaluate(ArtefactType.INDICATOR_HASH, sightings,
                consenting("a", "b", "c"), FLEET, T0.plus(Duration.ofDays(7)).minusSeconds(1));
        assertEquals(PromotionEvaluator.Gate.COOL_OFF, early.gate());
        assertTrue(early.reason().contains("promotable from 2026-03-08T00:00:00Z"), early.reason());
        assertTrue(early.counted().isEmpty(), "no tenant list leaves an unpromoted verdict");
        PromotionEvaluator.Verdict ready = evaluator.evaluate(ArtefactType.INDICATOR_HASH, sightings,
                consenting("a", "b", "c"), FLEET, T0.plus(Duration.ofDays(7)));
        assertEquals(PromotionDecision.Outcome.PROMOTE, ready.outcome());
        assertEquals(3, ready.distinctTenants());
    }

    @Test
    void eachArtefactTypeHasItsOwnThresholdAndNoCountBelowItIsStated() {
        PromotionEvaluator evaluator = new PromotionEvaluator(policy(3, 5, 3, DAY));
        List<FleetSighting> shapes = List.of("a", "b", "c", "d").stream()
                .map(t -> seen(t, ArtefactType.PATTERN_SHAPE, T0, ConsentState.GRANTED, Tlp.GREEN)).toList();
        PromotionEvaluator.Verdict verdict = evaluator.evaluate(ArtefactType.PATTERN_SHAPE, shapes,
                consenting("a", "b", "c", "d"), FLEET, T0.plus(DAY));
        assertEquals("fewer than 5 distinct consenting tenants, 5 needed for pattern-shape", verdict.reason());
        assertNull(verdict.distinctTenants());
        assertFalse(verdict.reason().contains("4"), verdict.reason());
    }

    @Test
    void eachArtefactTypeHasItsOwnCoolOff() {
        PromotionEvaluator evaluator = new PromotionEvaluator(new PromotionPolicy(
                Map.of(ArtefactType.INDICATOR_HASH, 3, ArtefactType.PATTERN_SHAPE, 3, ArtefactType.ANOMALY_FINGERPRINT, 3),
                Map.of(ArtefactType.INDICATOR_HASH, DAY, ArtefactType.PATTERN_SHAPE, Duration.ofDays(3),
                        ArtefactType.ANOMALY_FINGERPRINT, DAY)));
        List<FleetSighting> shapes = List.of("a", "b", "c").stream()
                .map(t -> seen(t, ArtefactType.PATTERN_SHAPE, T0, ConsentState.GRANTED, Tlp.AMBER)).toList();
        List<FleetSighting> indicators = List.of(seen("a", T0), seen("b", T0), seen("c", T0));
        Instant twoDaysOn = T0.plus(Duration.ofDays(2));
        assertEquals(PromotionDecision.Outcome.PROMOTE, evaluator.evaluate(ArtefactType.INDICATOR_HASH, indicators,
                consenting("a", "b", "c"), FLEET, twoDaysOn).outcome());
        assertEquals(PromotionEvaluator.Gate.COOL_OFF, evaluator.evaluate(ArtefactType.PATTERN_SHAPE, shapes,
                consenting("a", "b", "c"), FLEET, twoDaysOn).gate());
    }

    @Test
    void aSightingStampedWithoutConsentDoesNotCountEvenIfTheTenantConsentsLater() {
        PromotionEvaluator evaluator = new PromotionEvaluator(policy(3, 3, 3, DAY));
        List<FleetSighting> sightings = List.of(seen("a", T0), seen("b", T0),
                seen("c", ArtefactType.INDICATOR_HASH, T0, ConsentState.WITHDRAWN, Tlp.AMBER));
        PromotionEvaluator.Verdict verdict = evaluator.evaluate(ArtefactType.INDICATOR_HASH, sightings,
                consenting("a", "b", "c"), FLEET, T0.plus(DAY));
        assertEquals(PromotionEvaluator.Gate.TOO_FEW_TENANTS, verdict.gate());
        assertEquals("fewer than 3 distinct consenting tenants, 3 needed for indicator-hash; sightings without"
                + " fleet-sharing consent not counted", verdict.reason());
    }

    @Test
    void oneTenantSightingNTimesCountsOnce() {
        PromotionEvaluator evaluator = new PromotionEvaluator(policy(3, 3, 3, DAY));
        List<FleetSighting> sightings = List.of(seen("a", T0), seen("a", T0.plusSeconds(5)), seen("a", T0.plusSeconds(9)));
        assertEquals(PromotionEvaluator.Gate.TOO_FEW_TENANTS, evaluator.evaluate(ArtefactType.INDICATOR_HASH, sightings,
                consenting("a"), FLEET, T0.plus(Duration.ofDays(30))).gate());
    }

    @ParameterizedTest
    @EnumSource(value = Tlp.class, names = {"RED", "AMBER_STRICT"})
    void oneRestrictedSightingMakesTheArtefactNeverEligibleWhoeverElseSawIt(Tlp restricted) {
        PromotionEvaluator evaluator = new PromotionEvaluator(policy(3, 3, 3, DAY));
        List<FleetSighting> sightings = new ArrayList<>(List.of(seen("a", T0), seen("b", T0), seen("c", T0), seen("d", T0)));
        sightings.add(seen("e", ArtefactType.INDICATOR_HASH, T0, ConsentState.WITHDRAWN, restricted));
        PromotionEvaluator.Verdict verdict = evaluator.evaluate(ArtefactType.INDICATOR_HASH, sightings,
                consenting("a", "b", "c", "d"), FLEET, T0.plus(Duration.ofDays(30)));
        assertEquals(PromotionDecision.Outcome.REFUSE, verdict.outcome());
        assertEquals(PromotionEvaluator.Gate.RESTRICTED_TLP, verdict.gate());
        assertEquals("marked TLP:RED or TLP:AMBER+STRICT by a source: never eligible for indicator-hash", verdict.reason());
    }

    @ParameterizedTest
    @EnumSource(value = Tlp.class, names = {"CLEAR", "GREEN", "AMBER"})
    void sharableMarkingsDoNotBlockPromotion(Tlp sharable) {
        PromotionEvaluator evaluator = new PromotionEvaluator(policy(3, 3, 3, DAY));
        List<FleetSighting> sightings = List.of("a", "b", "c").stream()
                .map(t -> seen(t, ArtefactType.INDICATOR_HASH, T0, ConsentState.GRANTED, sharable)).toList();
        assertEquals(PromotionDecision.Outcome.PROMOTE, evaluator.evaluate(ArtefactType.INDICATOR_HASH, sightings,
                consenting("a", "b", "c"), FLEET, T0.plus(DAY)).outcome());
    }

    @Test
    void aRegistryWithFewerCustomerTenantsThanNHoldsEveryCandidate() {
        PromotionEvaluator evaluator = new PromotionEvaluator(policy(3, 3, 3, DAY));
        PromotionEvaluator.Verdict held = evaluator.evaluate(ArtefactType.INDICATOR_HASH, List.of(seen("a", T0)),
                consenting("a"), 1, T0.plus(Duration.ofDays(30)));
        assertEquals(PromotionDecision.Outcome.HOLD, held.outcome());
        assertEquals("fleet of one: 1 of 3 tenants", held.reason());
        PromotionEvaluator.Verdict red = evaluator.evaluate(ArtefactType.INDICATOR_HASH,
                List.of(seen("a", ArtefactType.INDICATOR_HASH, T0, ConsentState.GRANTED, Tlp.RED)), consenting("a"), 2, T0);
        assertEquals(PromotionDecision.Outcome.HOLD, red.outcome());
        assertEquals("fleet of 2: 2 of 3 tenants", red.reason());
    }

    @Test
    void theFleetTenantNeverCounts() {
        PromotionEvaluator evaluator = new PromotionEvaluator(policy(3, 3, 3, DAY));
        List<FleetSighting> sightings = List.of(seen("a", T0), seen("b", T0),
                new FleetSighting("f", TenantId.FLEET, ArtefactType.INDICATOR_HASH, HASH, T0, ConsentState.GRANTED, "2026-1", Tlp.CLEAR));
        PromotionEvaluator.Verdict verdict = evaluator.evaluate(ArtefactType.INDICATOR_HASH, sightings,
                Set.of(TenantId.of("a"), TenantId.of("b"), TenantId.FLEET), FLEET, T0.plus(DAY));
        assertEquals(PromotionEvaluator.Gate.TOO_FEW_TENANTS, verdict.gate());
        assertTrue(verdict.reason().endsWith("; fleet-tenant sightings not counted"), verdict.reason());
    }

    @Test
    void aThresholdBelowTheFloorIsRefusedNamingTheSettingAndTheFloor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> policy(3, 3, PromotionPolicy.FLOOR - 1, DAY));
        assertEquals("vigil.fleet.min-tenants.anomaly-fingerprint is 2, below the floor of 3 distinct consenting tenants"
                + " fixed in code; refusing to start", e.getMessage());
    }

    @Test
    void aCoolOffBelowTheFloorIsRefusedNamingTheSettingAndTheFloor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PromotionPolicy(
                Map.of(ArtefactType.INDICATOR_HASH, 3, ArtefactType.PATTERN_SHAPE, 3, ArtefactType.ANOMALY_FINGERPRINT, 3),
                Map.of(ArtefactType.INDICATOR_HASH, DAY, ArtefactType.PATTERN_SHAPE, Duration.ofHours(23),
                        ArtefactType.ANOMALY_FINGERPRINT, DAY)));
        assertEquals("vigil.fleet.cool-off.pattern-shape is PT23H, below the floor of PT24H (24 hours) fixed in code;"
                + " refusing to start", e.getMessage());
    }

    @Test
    void markingsParseStrictlyAndUnknownOnesAreRefused() {
        assertEquals(Tlp.AMBER_STRICT, Tlp.parse("TLP:AMBER+STRICT"));
        assertEquals(Tlp.AMBER_STRICT, Tlp.parse("amber+strict"));
        assertEquals(Tlp.CLEAR, Tlp.parse(" tlp:clear "));
        for (String bad : new String[]{"WHITE", "TLP:PURPLE", "amber strict", "", "TLP:"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tlp.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("unknown TLP marking '" + bad + "': use TLP:CLEAR"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Tlp.parse(null));
    }
}
