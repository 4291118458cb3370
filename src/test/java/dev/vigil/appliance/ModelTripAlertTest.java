package dev.vigil.appliance;

import dev.vigil.control.AiFeature;
import dev.vigil.control.HealthThresholds;
import dev.vigil.control.InferenceOutcome;
import dev.vigil.control.KillSwitches;
import dev.vigil.control.ModelBaseline;
import dev.vigil.control.ModelHealthGuard;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertQuery;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In the appliance, an automatic trip of an unhealthy model version raises a system alert analysts see. */
class ModelTripAlertTest {

    @TempDir
    Path data;

    @Test
    void anAutomaticTripRaisesAHighSystemAlertNamingTheModelAndTheReason() {
        Map<String, Object> props = ApplianceProperties.forDataDir(data, "h2");
        props.put("micronaut.server.port", -1);
        try (ApplicationContext ctx = ApplicationContext.run(props, "test")) {
            TenantId tenant = ctx.getBean(FirstStart.class).run();
            ModelHealthGuard guard = ctx.getBean(ModelHealthGuard.class);
            guard.register(AiFeature.TRIAGE_MODEL, tenant, "triage@3", new ModelBaseline(20, new double[] {0.5}, new double[] {0.5, 0.5}),
                    new HealthThresholds(50, 0.1, 3.0, 0.25));
            for (int i = 0; i < 60; i++) {
                guard.observe(AiFeature.TRIAGE_MODEL, tenant, "triage@3", InferenceOutcome.failure(5));
            }
            assertFalse(ctx.getBean(KillSwitches.class).state(AiFeature.TRIAGE_MODEL, tenant, null, "triage@3").enabled());
            List<Alert> alerts = ctx.getBean(AlertService.class).list(tenant, new AlertQuery(null, null, ModelTripAlerts.RULE_ID, Instant.EPOCH, null, 10));
            assertEquals(1, alerts.size());
            assertEquals(AlertKind.SYSTEM, alerts.getFirst().kind());
            assertTrue(alerts.getFirst().title().contains("triage-model") && alerts.getFirst().matched().contains("error rate"),
                    alerts.getFirst().title() + " " + alerts.getFirst().matched());
        }
    }
}
