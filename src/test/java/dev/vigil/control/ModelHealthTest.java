package dev.vigil.control;

import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Automatic trips: a model drifting past its thresholds versus its baseline is switched to its fallback. */
class ModelHealthTest {

    private static final ModelBaseline BASELINE = new ModelBaseline(20, new double[]{0.25, 0.5, 0.75}, new double[]{0.25, 0.25, 0.25, 0.25});
    private static final HealthThresholds LIMITS = new HealthThresholds(100, 0.05, 3.0, 0.25);
    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dir;

    private static ModelHealthMonitor fed(int n, java.util.function.IntFunction<InferenceOutcome> outcome) {
        ModelHealthMonitor m = new ModelHealthMonitor(BASELINE, LIMITS);
        for (int i = 0; i < n; i++) {
            m.record(outcome.apply(i));
        }
        return m;
    }

    private static InferenceOutcome healthy(int i) {
        return InferenceOutcome.success(10, (i % 4) * 0.25 + 0.1);
    }

    @Test
    void aHealthyModelIsNotTripped() {
        assertTrue(fed(300, ModelHealthTest::healthy).assess().isEmpty());
    }

    @Test
    void nothingIsJudgedBeforeTheWindowIsFull() {
        assertTrue(fed(50, i -> InferenceOutcome.failure(10)).assess().isEmpty());
    }

    @Test
    void tooManyErrorsTrip() {
        String why = fed(100, i -> i % 10 == 0 ? InferenceOutcome.failure(10) : healthy(i)).assess().orElseThrow();
        assertTrue(why.startsWith("error rate 0.100"), why);
    }

    @Test
    void latencyFarAboveTheBaselineTrips() {
        String why = fed(100, i -> InferenceOutcome.success(i < 90 ? 10 : 100, (i % 4) * 0.25 + 0.1)).assess().orElseThrow();
        assertTrue(why.startsWith("p95 latency"), why);
    }

    @Test
    void anOutputDistributionThatDriftedTrips() {
        String why = fed(100, i -> InferenceOutcome.success(10, 0.9)).assess().orElseThrow();
        assertTrue(why.contains("population stability index"), why);
    }

    @Test
    void aTripSwitchesTheVersionOffAuditsItAndTellsTheListenerOnce() throws Exception {
        try (AuditTrail audit = new AuditTrail(dir.resolve("audit"), Clock.systemUTC(), "test")) {
            KillSwitches switches = new KillSwitches(new SwitchStore(dir.resolve("control/switches.json")), audit,
                    Clock.systemUTC(), new InFlightWork());
            List<ModelTrip> trips = new ArrayList<>();
            ModelHealthGuard guard = new ModelHealthGuard(switches, trips::add, Clock.systemUTC());
            guard.register(AiFeature.TRIAGE_MODEL, ACME, "triage@7", BASELINE, LIMITS);
            for (int i = 0; i < 150; i++) {
                guard.observe(AiFeature.TRIAGE_MODEL, ACME, "triage@7", InferenceOutcome.failure(5));
            }
            SwitchDecision d = switches.state(AiFeature.TRIAGE_MODEL, ACME, null, "triage@7");
            assertFalse(d.enabled());
            assertEquals(Fallback.PINNED_PREVIOUS_VERSION, d.fallback());
            assertEquals(1, trips.size());
            assertEquals(ModelHealthGuard.ACTOR, audit.entries(ACME, 5).getLast().actor());
            assertTrue(switches.state(AiFeature.TRIAGE_MODEL, ACME, null, "triage@6").enabled());
        }
    }
}
