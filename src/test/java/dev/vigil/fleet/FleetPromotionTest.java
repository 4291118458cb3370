package dev.vigil.fleet;

import dev.vigil.appliance.ApplianceProperties;
import dev.vigil.audit.AuditEntry;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.vigil.fleet.FleetContexts.CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fleet promotion path, run on a simulated multi-tenant fleet and on the appliance's fleet of one. */
class FleetPromotionTest {

    private static final Map<String, Object> NO_COOL_OFF = Map.of("vigil.fleet.cool-off", "0s");

    @TempDir
    Path data;

    private static void sight(ApplicationContext ctx, List<TenantId> tenants, boolean grant, String indicator) {
        for (TenantId t : tenants) {
            if (grant) {
                ctx.getBean(ConsentService.class).grant(t, ConsentScope.FLEET_SHARING, null, "admin-" + t, "admin");
            }
            ctx.getBean(FleetPromotion.class).sight(t, ArtefactType.INDICATOR_HASH, indicator);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void threeConsentingTenantsPromoteAndThePromotionIsAuditedAndInEachTenantsDataUse(String database) {
        try (ApplicationContext ctx = FleetContexts.start(data, database, NO_COOL_OFF)) {
            List<TenantId> tenants = FleetContexts.tenants(ctx, "t1", "t2", "t3", "bystander");
            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            ConsentService consent = ctx.getBean(ConsentService.class);
            String[] surfaceForms = {"Evil.Example.COM.", "evil[.]example.com", " evil.example.com "};
            for (int i = 0; i < 3; i++) {
                consent.grant(tenants.get(i), ConsentScope.FLEET_SHARING, null, "admin", "admin");
                fleet.sight(tenants.get(i), ArtefactType.INDICATOR_HASH, surfaceForms[i]);
            }
            String hash = fleet.hashOf(ArtefactType.INDICATOR_HASH, "evil.example.com");

            PromotionEvaluator.Verdict verdict = fleet.evaluate(ArtefactType.INDICATOR_HASH, hash);
            assertEquals(PromotionDecision.Outcome.PROMOTE, verdict.outcome(), verdict.reason());
            assertEquals(List.of(tenants.get(0), tenants.get(1), tenants.get(2)), verdict.counted());

            AuditEntry audited = FleetContexts.lastEntry(ctx, TenantId.FLEET);
            assertEquals("fleet.promote", audited.action());
            assertEquals(FleetPromotion.ACTOR, audited.actor());
            assertEquals("indicator-hash:" + hash, audited.object());
            assertEquals(1, fleet.decisions(ArtefactType.INDICATOR_HASH, hash).size());

            DataUseReport t1 = ctx.getBean(DataUseLedger.class).report(tenants.getFirst());
            assertEquals("fleet:indicator-hash:" + hash, t1.uses().getFirst().usedBy());
            assertEquals("granted", t1.uses().getFirst().records().getFirst().consentState());
            assertEquals(DataUseLedger.NOTHING_USED, ctx.getBean(DataUseLedger.class).report(tenants.get(3)).summary());
        }
    }

    @Test
    void twoConsentingTenantsAreRefusedAndTheRefusalIsAudited() {
        try (ApplicationContext ctx = FleetContexts.start(data, "h2", NO_COOL_OFF)) {
            sight(ctx, FleetContexts.tenants(ctx, "t1", "t2"), true, "10.1.2.3");
            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            String hash = fleet.hashOf(ArtefactType.INDICATOR_HASH, "10.1.2.3");
            PromotionEvaluator.Verdict verdict = fleet.evaluate(ArtefactType.INDICATOR_HASH, hash);
            assertEquals(PromotionEvaluator.Gate.TOO_FEW_TENANTS, verdict.gate());
            assertEquals("not enough distinct consenting tenants: 2 of 3 needed for indicator-hash", verdict.reason());
            assertEquals("fleet.refuse", FleetContexts.lastEntry(ctx, TenantId.FLEET).action());
            assertEquals(PromotionDecision.Outcome.REFUSE, fleet.decisions(ArtefactType.INDICATOR_HASH, hash).getFirst().decision());
        }
    }

    @Test
    void theFleetTenantAndTenantsWithoutConsentAreNotCounted() {
        try (ApplicationContext ctx = FleetContexts.start(data, "h2", NO_COOL_OFF)) {
            sight(ctx, FleetContexts.tenants(ctx, "t1", "t2"), true, "evil.example.com");
            sight(ctx, FleetContexts.tenants(ctx, "never"), false, "evil.example.com");
            List<TenantId> later = FleetContexts.tenants(ctx, "later");
            sight(ctx, later, true, "evil.example.com");
            ctx.getBean(ConsentService.class).withdraw(later.getFirst(), ConsentScope.FLEET_SHARING, "changed our mind", "admin", "admin");
            ctx.getBean(ConsentService.class).grant(TenantId.of("t1"), ConsentScope.FLEET_SHARING, null, "admin", "admin");
            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            fleet.sight(TenantId.FLEET, ArtefactType.INDICATOR_HASH, "evil.example.com");

            PromotionEvaluator.Verdict verdict = fleet.evaluate(ArtefactType.INDICATOR_HASH,
                    fleet.hashOf(ArtefactType.INDICATOR_HASH, "evil.example.com"));
            assertEquals(PromotionDecision.Outcome.REFUSE, verdict.outcome());
            assertEquals("not enough distinct consenting tenants: 2 of 3 needed for indicator-hash; 1 fleet-tenant sighting(s)"
                    + " not counted; 2 tenant(s) without fleet-sharing consent not counted", verdict.reason());
        }
    }

    @Test
    void aFreshArtefactIsRefusedUntilTheCoolOffHasElapsed() {
        try (ApplicationContext ctx = FleetContexts.start(data, "h2", Map.of("vigil.fleet.cool-off", "1h"))) {
            sight(ctx, FleetContexts.tenants(ctx, "t1", "t2", "t3"), true, "evil.example.com");
            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            PromotionEvaluator.Verdict verdict = fleet.evaluate(ArtefactType.INDICATOR_HASH,
                    fleet.hashOf(ArtefactType.INDICATOR_HASH, "evil.example.com"));
            assertEquals(PromotionEvaluator.Gate.COOL_OFF, verdict.gate());
            assertTrue(verdict.reason().startsWith("cool-off not elapsed: first consenting sighting "), verdict.reason());
            assertEquals("fleet.refuse", FleetContexts.lastEntry(ctx, TenantId.FLEET).action());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void theApplianceWithOneCustomerTenantCanNeverPromote(String database) {
        try (ApplicationContext ctx = FleetContexts.start(data, database, NO_COOL_OFF)) {
            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            sight(ctx, List.of(CUSTOMER), true, "evil.example.com");
            fleet.sight(TenantId.FLEET, ArtefactType.INDICATOR_HASH, "evil.example.com");
            IllegalArgumentException outsider = assertThrows(IllegalArgumentException.class,
                    () -> fleet.sight(TenantId.of("ghost"), ArtefactType.INDICATOR_HASH, "evil.example.com"));
            assertTrue(outsider.getMessage().contains("unknown tenant ghost"), outsider.getMessage());

            PromotionEvaluator.Verdict verdict = fleet.evaluate(ArtefactType.INDICATOR_HASH,
                    fleet.hashOf(ArtefactType.INDICATOR_HASH, "evil.example.com"));
            assertEquals(PromotionDecision.Outcome.REFUSE, verdict.outcome());
            FleetStatus status = fleet.status();
            assertFalse(status.promotionPossible());
            assertEquals(1, status.customerTenants());
            assertEquals("fleet of one: promotion impossible (1 customer tenant < floor 3)", status.explanation());
            assertEquals(0, status.promotions());
        }
    }

    @Test
    void aThresholdBelowTheFloorRefusesToStartNamingTheSetting() {
        Map<String, Object> props = ApplianceProperties.forDataDir(data, "h2");
        props.put("micronaut.server.port", -1);
        props.put("vigil.fleet.min-tenants.pattern-shape", 2);
        Throwable failure = assertThrows(RuntimeException.class, () -> ApplicationContext.run(props, "test").close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(
                "vigil.fleet.min-tenants.pattern-shape is 2, below the floor of 3 distinct consenting tenants fixed in code"),
                messages.toString());
    }
}
