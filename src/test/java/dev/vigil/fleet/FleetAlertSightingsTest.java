package dev.vigil.fleet;

import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import dev.vigil.control.SwitchTarget;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.Verdict;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.vigil.fleet.FleetContexts.CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The appliance path: a true-positive close sights its derived artefacts and every decision is a hold. */
class FleetAlertSightingsTest {

    private static final String COMMAND = "powershell.exe -nop -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA";

    @TempDir
    Path data;

    private static String closedAlert(ApplicationContext ctx, Verdict verdict) {
        Instant now = Instant.now();
        AlertService alerts = ctx.getBean(AlertService.class);
        String id = alerts.record(new AlertCandidate(CUSTOMER, "fleet-rule", "Fleet", RuleLevel.HIGH, List.of(),
                AlertKind.DETECTION, now, now, List.of(), List.of(new MatchedField("DestinationHostname", "Evil.Example.COM."),
                new MatchedField("CommandLine", COMMAND), new MatchedField("User", "alice"),
                new MatchedField("Image", "C:\\Windows\\System32\\lsass.exe")), "g-" + verdict)).id();
        alerts.close(CUSTOMER, id, verdict, "checked", "analyst-1", "analyst");
        return id;
    }

    @Test
    void aTruePositiveCloseSightsItsIndicatorsAndCommandLineShapeAndHoldsThemInAFleetOfOne() {
        try (ApplicationContext ctx = FleetContexts.start(data, "h2", Map.of())) {
            ctx.getBean(ConsentService.class).grant(CUSTOMER, ConsentScope.FLEET_SHARING, null, "admin", "admin");
            closedAlert(ctx, Verdict.TRUE_POSITIVE);

            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            for (ArtefactType type : List.of(ArtefactType.INDICATOR_HASH, ArtefactType.PATTERN_SHAPE)) {
                String value = type == ArtefactType.INDICATOR_HASH ? "evil.example.com" : COMMAND;
                List<PromotionDecision> decisions = fleet.decisions(type, fleet.hashOf(type, value));
                assertEquals(1, decisions.size(), type + " decided once");
                assertEquals(PromotionDecision.Outcome.HOLD, decisions.getFirst().decision());
                assertEquals("fleet of one: 1 of 3 tenants", decisions.getFirst().reason());
            }
            List<FleetSighting> sighted = ctx.getBean(FleetSightingRepository.class).findByTenant(CUSTOMER);
            assertEquals(2, sighted.size(), "the user name and the lsass image are no artefacts: " + sighted);
            assertTrue(sighted.stream().allMatch(s -> s.tlp() == Tlp.AMBER), "the default marking is TLP:AMBER");
            assertEquals("fleet.hold", FleetContexts.lastEntry(ctx, TenantId.FLEET).action());
        }
    }

    @Test
    void theDefaultMarkingComesFromTheSetting() {
        try (ApplicationContext ctx = FleetContexts.start(data, "h2", Map.of("vigil.fleet.default-tlp", "tlp:green"))) {
            closedAlert(ctx, Verdict.TRUE_POSITIVE);
            assertTrue(ctx.getBean(FleetSightingRepository.class).findByTenant(CUSTOMER).stream()
                    .allMatch(s -> s.tlp() == Tlp.GREEN));
        }
    }

    @Test
    void otherVerdictsSightNothing() {
        try (ApplicationContext ctx = FleetContexts.start(data, "h2", Map.of())) {
            closedAlert(ctx, Verdict.BENIGN_POSITIVE);
            closedAlert(ctx, Verdict.FALSE_POSITIVE);
            assertTrue(ctx.getBean(FleetSightingRepository.class).findByTenant(CUSTOMER).isEmpty());
        }
    }

    @Test
    void withTheFleetPromotionSwitchOffNothingIsSighted() {
        try (ApplicationContext ctx = FleetContexts.start(data, "h2", Map.of())) {
            ctx.getBean(KillSwitches.class).set(new SwitchTarget(AiFeature.FLEET_PROMOTION, null, null, null), false,
                    "test", "admin", "admin", CUSTOMER, false);
            closedAlert(ctx, Verdict.TRUE_POSITIVE);
            assertTrue(ctx.getBean(FleetSightingRepository.class).findByTenant(CUSTOMER).isEmpty());
            assertTrue(ctx.getBean(PromotionDecisionRepository.class).findByTenantOrderByDecidedAt(TenantId.FLEET).isEmpty());
        }
    }
}
