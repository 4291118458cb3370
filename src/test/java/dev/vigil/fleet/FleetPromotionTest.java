package dev.vigil.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.appliance.ApplianceProperties;
import dev.vigil.audit.AuditEntry;
import dev.vigil.console.api.FleetController;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.vigil.fleet.FleetContexts.CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fleet promotion path on real H2 and SQLite files: a simulated fleet of several customer tenants in one registry
 * running the same {@link FleetPromotion} code as the appliance, whose fleet of one holds everything.
 */
class FleetPromotionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final String EVIL = "evil.example.com";

    @TempDir
    Path data;

    private static ApplicationContext fleet(Path data, String database) {
        return FleetContexts.startAt(data, database, T0, Map.of());
    }

    /** Each tenant grants fleet-sharing consent and sights the indicator. */
    private static void sightByConsenting(ApplicationContext ctx, List<TenantId> tenants, String indicator) {
        for (TenantId t : tenants) {
            ctx.getBean(ConsentService.class).grant(t, ConsentScope.FLEET_SHARING, null, "admin-" + t, "admin");
            ctx.getBean(FleetPromotion.class).sight(t, ArtefactType.INDICATOR_HASH, indicator, Tlp.AMBER);
        }
    }

    private static PromotionEvaluator.Verdict evaluate(ApplicationContext ctx, String indicator) {
        FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
        return fleet.evaluate(ArtefactType.INDICATOR_HASH, fleet.hashOf(ArtefactType.INDICATOR_HASH, indicator));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void nConsentingTenantsPromoteAfterTheCoolOffAndThePromotionIsAuditedAndInEachTenantsDataUse(String database) {
        try (ApplicationContext ctx = fleet(data, database)) {
            List<TenantId> tenants = FleetContexts.tenants(ctx, "t1", "t2", "t3", "bystander");
            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            ConsentService consent = ctx.getBean(ConsentService.class);
            String[] surfaceForms = {"Evil.Example.COM.", "evil[.]example[.]com", " evil\\.example(dot)com "};
            for (int i = 0; i < 3; i++) {
                consent.grant(tenants.get(i), ConsentScope.FLEET_SHARING, null, "admin", "admin");
                fleet.sight(tenants.get(i), ArtefactType.INDICATOR_HASH, surfaceForms[i], Tlp.GREEN);
            }
            FleetContexts.clock(ctx).advance(WEEK);
            String hash = fleet.hashOf(ArtefactType.INDICATOR_HASH, EVIL);

            PromotionEvaluator.Verdict verdict = fleet.evaluate(ArtefactType.INDICATOR_HASH, hash);
            assertEquals(PromotionDecision.Outcome.PROMOTE, verdict.outcome(), verdict.reason());
            assertEquals(List.of(tenants.get(0), tenants.get(1), tenants.get(2)), verdict.counted());

            AuditEntry audited = FleetContexts.lastEntry(ctx, TenantId.FLEET);
            assertEquals("fleet.promote", audited.action());
            assertEquals(FleetPromotion.ACTOR, audited.actor());
            assertEquals("indicator-hash:" + hash, audited.object());
            PromotionDecision decision = fleet.decisions(ArtefactType.INDICATOR_HASH, hash).getFirst();
            assertEquals(TenantId.FLEET, decision.tenant());
            assertEquals("2026-1", decision.policyVersion());
            assertEquals(ctx.getBean(FleetSettings.class).policy().version(), decision.promotionPolicy());
            assertEquals(3, decision.distinctTenants());

            DataUseReport t1 = ctx.getBean(DataUseLedger.class).report(tenants.getFirst());
            assertEquals("fleet:indicator-hash:" + hash, t1.uses().getFirst().usedBy());
            assertEquals(DataUseLedger.NOTHING_USED, ctx.getBean(DataUseLedger.class).report(tenants.get(3)).summary());
        }
    }

    @Test
    void nMinusOneConsentingTenantsAreRefusedWithoutStatingTheirCount() {
        try (ApplicationContext ctx = fleet(data, "h2")) {
            FleetContexts.tenants(ctx, "t3");
            sightByConsenting(ctx, FleetContexts.tenants(ctx, "t1", "t2"), "10.1.2.3");
            FleetContexts.clock(ctx).advance(WEEK);
            PromotionEvaluator.Verdict verdict = evaluate(ctx, "10.1.2.3");
            assertEquals(PromotionEvaluator.Gate.TOO_FEW_TENANTS, verdict.gate());
            assertEquals("fewer than 3 distinct consenting tenants, 3 needed for indicator-hash", verdict.reason());
            assertEquals("fleet.refuse", FleetContexts.lastEntry(ctx, TenantId.FLEET).action());
            PromotionDecision refused = ctx.getBean(FleetPromotion.class).decisions(ArtefactType.INDICATOR_HASH,
                    ctx.getBean(FleetPromotion.class).hashOf(ArtefactType.INDICATOR_HASH, "10.1.2.3")).getFirst();
            assertEquals(PromotionDecision.Outcome.REFUSE, refused.decision());
            assertNull(refused.distinctTenants(), "no count below N is recorded");
        }
    }

    @Test
    void nTenantsBeforeTheCoolOffAreRefusedUntilItHasElapsed() {
        try (ApplicationContext ctx = fleet(data, "h2")) {
            sightByConsenting(ctx, FleetContexts.tenants(ctx, "t1", "t2", "t3"), EVIL);
            FleetContexts.clock(ctx).advance(WEEK.minusSeconds(1));
            PromotionEvaluator.Verdict early = evaluate(ctx, EVIL);
            assertEquals(PromotionEvaluator.Gate.COOL_OFF, early.gate());
            assertTrue(early.reason().contains("promotable from 2026-03-08T00:00:00Z"), early.reason());
            FleetContexts.clock(ctx).advance(Duration.ofSeconds(1));
            assertEquals(PromotionDecision.Outcome.PROMOTE, evaluate(ctx, EVIL).outcome());
        }
    }

    @Test
    void oneTenantReportingNTimesDoesNotPromote() {
        try (ApplicationContext ctx = fleet(data, "h2")) {
            List<TenantId> tenants = FleetContexts.tenants(ctx, "t1", "t2", "t3");
            ctx.getBean(ConsentService.class).grant(tenants.getFirst(), ConsentScope.FLEET_SHARING, null, "admin", "admin");
            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            for (String form : new String[]{EVIL, "EVIL.example.com.", "evil[.]example[.]com"}) {
                fleet.sight(tenants.getFirst(), ArtefactType.INDICATOR_HASH, form, Tlp.AMBER);
            }
            FleetContexts.clock(ctx).advance(Duration.ofDays(30));
            assertEquals(PromotionEvaluator.Gate.TOO_FEW_TENANTS, evaluate(ctx, EVIL).gate());
            assertEquals(1, ctx.getBean(FleetSightingRepository.class).findByTenant(tenants.getFirst()).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void withdrawingConsentRevokesWhatNoLongerQualifiesAndItIsNoLongerExported(String database) {
        try (ApplicationContext ctx = fleet(data, database)) {
            List<TenantId> tenants = FleetContexts.tenants(ctx, "t1", "t2", "t3");
            sightByConsenting(ctx, tenants, EVIL);
            FleetContexts.clock(ctx).advance(WEEK);
            assertEquals(PromotionDecision.Outcome.PROMOTE, evaluate(ctx, EVIL).outcome());
            FleetReceipts receipts = ctx.getBean(FleetReceipts.class);
            assertEquals(1, receipts.promoted().size());

            ctx.getBean(ConsentService.class).withdraw(tenants.get(1), ConsentScope.FLEET_SHARING, "leaving", "admin", "admin");

            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            List<PromotionDecision> history = fleet.decisions(ArtefactType.INDICATOR_HASH,
                    fleet.hashOf(ArtefactType.INDICATOR_HASH, EVIL));
            assertEquals(List.of(PromotionDecision.Outcome.PROMOTE, PromotionDecision.Outcome.REVOKE),
                    history.stream().map(PromotionDecision::decision).toList());
            assertEquals("revoked after a tenant withdrew fleet-sharing consent: fewer than 3 distinct consenting tenants,"
                    + " 3 needed for indicator-hash; sightings without fleet-sharing consent not counted", history.getLast().reason());
            assertEquals("fleet.revoke", FleetContexts.lastEntry(ctx, TenantId.FLEET).action());
            assertEquals("consent.withdraw", FleetContexts.lastEntry(ctx, tenants.get(1)).action());
            assertTrue(receipts.promoted().isEmpty());
            assertEquals(0, receipts.stix().path("objects").size());
            FleetReceipts.Received received = receipts.received().getFirst();
            assertEquals("REVOKE", received.decision());
            assertEquals("fewer than 3", received.tenants());
        }
    }

    @Test
    void withdrawalByOneOfMoreThanNTenantsKeepsThePromotion() {
        try (ApplicationContext ctx = fleet(data, "h2")) {
            List<TenantId> tenants = FleetContexts.tenants(ctx, "t1", "t2", "t3", "t4");
            sightByConsenting(ctx, tenants, EVIL);
            FleetContexts.clock(ctx).advance(WEEK);
            evaluate(ctx, EVIL);
            ctx.getBean(ConsentService.class).withdraw(tenants.get(0), ConsentScope.FLEET_SHARING, null, "admin", "admin");
            assertEquals(1, ctx.getBean(FleetReceipts.class).promoted().size());
            assertEquals("3", ctx.getBean(FleetReceipts.class).received().getFirst().tenants());
        }
    }

    @Test
    void tlpRedFromAnyTenantMakesTheArtefactNeverEligible() {
        try (ApplicationContext ctx = fleet(data, "h2")) {
            List<TenantId> tenants = FleetContexts.tenants(ctx, "t1", "t2", "t3", "t4");
            sightByConsenting(ctx, tenants.subList(0, 3), EVIL);
            ctx.getBean(FleetPromotion.class).sight(tenants.get(3), ArtefactType.INDICATOR_HASH, EVIL, Tlp.RED);
            FleetContexts.clock(ctx).advance(Duration.ofDays(30));
            PromotionEvaluator.Verdict verdict = evaluate(ctx, EVIL);
            assertEquals(PromotionEvaluator.Gate.RESTRICTED_TLP, verdict.gate());
            assertTrue(ctx.getBean(FleetReceipts.class).promoted().isEmpty());
        }
    }

    @Test
    void aRestrictedSightingAfterPromotionRevokesIt() {
        try (ApplicationContext ctx = fleet(data, "h2")) {
            List<TenantId> tenants = FleetContexts.tenants(ctx, "t1", "t2", "t3");
            sightByConsenting(ctx, tenants, EVIL);
            FleetContexts.clock(ctx).advance(WEEK);
            assertEquals(PromotionDecision.Outcome.PROMOTE, evaluate(ctx, EVIL).outcome());
            ctx.getBean(FleetPromotion.class).sight(tenants.get(2), ArtefactType.INDICATOR_HASH, EVIL, Tlp.AMBER_STRICT);
            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            PromotionDecision last = fleet.decisions(ArtefactType.INDICATOR_HASH, fleet.hashOf(ArtefactType.INDICATOR_HASH, EVIL)).getLast();
            assertEquals(PromotionDecision.Outcome.REVOKE, last.decision());
            assertTrue(last.reason().startsWith("revoked: a source marked it TLP:RED or TLP:AMBER+STRICT"), last.reason());
            assertEquals("fleet.revoke", FleetContexts.lastEntry(ctx, TenantId.FLEET).action());
            assertTrue(ctx.getBean(FleetReceipts.class).promoted().isEmpty());
        }
    }

    @Test
    void aLaterStricterSightingRaisesTheMarkingAndNothingLowersIt() {
        try (ApplicationContext ctx = fleet(data, "h2")) {
            TenantId t1 = FleetContexts.tenants(ctx, "t1").getFirst();
            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            fleet.sight(t1, ArtefactType.INDICATOR_HASH, EVIL, Tlp.GREEN);
            assertEquals(Tlp.AMBER_STRICT, fleet.sight(t1, ArtefactType.INDICATOR_HASH, EVIL, Tlp.AMBER_STRICT).tlp());
            assertEquals(Tlp.AMBER_STRICT, fleet.sight(t1, ArtefactType.INDICATOR_HASH, EVIL, Tlp.CLEAR).tlp());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void theApplianceWithOneCustomerTenantHoldsEveryCandidateAndSaysWhyInOneLine(String database) {
        try (ApplicationContext ctx = fleet(data, database)) {
            FleetPromotion fleet = ctx.getBean(FleetPromotion.class);
            sightByConsenting(ctx, List.of(CUSTOMER), EVIL);
            fleet.sight(TenantId.FLEET, ArtefactType.INDICATOR_HASH, EVIL);
            IllegalArgumentException outsider = assertThrows(IllegalArgumentException.class,
                    () -> fleet.sight(TenantId.of("ghost"), ArtefactType.INDICATOR_HASH, EVIL));
            assertTrue(outsider.getMessage().contains("unknown tenant ghost"), outsider.getMessage());
            FleetContexts.clock(ctx).advance(Duration.ofDays(365));

            PromotionEvaluator.Verdict verdict = evaluate(ctx, EVIL);
            assertEquals(PromotionDecision.Outcome.HOLD, verdict.outcome());
            assertEquals("fleet of one: 1 of 3 tenants", verdict.reason());
            assertEquals("fleet.hold", FleetContexts.lastEntry(ctx, TenantId.FLEET).action());
            FleetStatus status = fleet.status();
            assertFalse(status.promotionPossible());
            assertEquals("fleet of one: 1 of 3 tenants", status.explanation());
            assertEquals(0, status.promotions());
            assertEquals(1L, status.decisions().get("hold"));
            assertEquals("HOLD", ctx.getBean(FleetReceipts.class).received().getFirst().decision());
        }
    }

    @Test
    void outputNamesNoTenantAndStatesNoCountBelowN() throws Exception {
        try (ApplicationContext ctx = fleet(data, "h2")) {
            List<TenantId> tenants = FleetContexts.tenants(ctx, "acme-hospital", "globex-bank", "initech-labs", "umbrella-pharma");
            sightByConsenting(ctx, tenants, EVIL);
            sightByConsenting(ctx, tenants.subList(0, 2), "203.0.113.9");
            sightByConsenting(ctx, tenants.subList(0, 1), "hxxps://login-portal[.]example[.]net/Reset");
            ctx.getBean(FleetPromotion.class).sight(tenants.get(3), ArtefactType.INDICATOR_HASH, "d41d8cd98f00b204e9800998ecf8427e", Tlp.RED);
            FleetContexts.clock(ctx).advance(WEEK);
            for (String indicator : List.of(EVIL, "203.0.113.9", "https://login-portal.example.net/Reset",
                    "d41d8cd98f00b204e9800998ecf8427e")) {
                evaluate(ctx, indicator);
            }
            ctx.getBean(ConsentService.class).withdraw(tenants.get(3), ConsentScope.FLEET_SHARING, null, "admin", "admin");
            FleetContexts.clock(ctx).advance(Duration.ofHours(1));
            evaluate(ctx, EVIL);

            io.micronaut.json.JsonMapper api = ctx.getBean(io.micronaut.json.JsonMapper.class);
            FleetReceipts receipts = ctx.getBean(FleetReceipts.class);
            List<String> outputs = new ArrayList<>();
            List<PromotionDecision> decisions = ctx.getBean(PromotionDecisionRepository.class).findByTenantOrderByDecidedAt(TenantId.FLEET);
            assertTrue(decisions.stream().allMatch(d -> d.distinctTenants() == null || d.distinctTenants() >= PromotionPolicy.FLOOR),
                    decisions.toString());
            outputs.add("decisions: " + decisions);
            outputs.add(api.writeValueAsString(new FleetController.ReceivedView(ctx.getBean(FleetPromotion.class).status().explanation(),
                    receipts.received())));
            outputs.add(api.writeValueAsString(ctx.getBean(FleetPromotion.class).status()));
            outputs.add(receipts.stix().toString());
            for (AuditEntry e : ctx.getBean(dev.vigil.audit.AuditTrail.class).entries(TenantId.FLEET, 100)) {
                outputs.add(e.object() + " " + e.actor());
            }
            assertEquals(4, receipts.received().size());
            assertEquals(1, receipts.promoted().size(), "the indicator four tenants saw is promoted");

            JsonMapper plain = JsonMapper.builder().build();
            Pattern smallCount = Pattern.compile("(?i)\\b[0-2] (distinct|consenting|tenant)");
            for (String out : outputs) {
                for (TenantId t : tenants) {
                    assertFalse(out.contains(t.value()), t + " appears in " + out);
                }
                assertFalse(smallCount.matcher(out).find(), "a count below N in " + out);
                if (out.startsWith("{") || out.startsWith("[")) {
                    assertNoSmallCountField(plain.readTree(out), out);
                }
            }
        }
    }

    private static void assertNoSmallCountField(JsonNode node, String in) {
        node.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNumber() && name.matches("(?i)count|distinctTenants|tenants")) {
                assertTrue(value.asInt() >= PromotionPolicy.FLOOR, name + " = " + value + " in " + in);
            }
            assertNoSmallCountField(value, in);
        });
        if (node.isArray()) {
            node.forEach(child -> assertNoSmallCountField(child, in));
        }
    }

    @Test
    void aCoolOffBelowTheFloorRefusesToStartNamingTheSetting() {
        assertStartRefused(Map.of("vigil.fleet.cool-off.indicator-hash", "1h"),
                "vigil.fleet.cool-off.indicator-hash is PT1H, below the floor of PT24H (24 hours) fixed in code");
    }

    @Test
    void aThresholdBelowTheFloorRefusesToStartNamingTheSetting() {
        assertStartRefused(Map.of("vigil.fleet.min-tenants.pattern-shape", 2),
                "vigil.fleet.min-tenants.pattern-shape is 2, below the floor of 3 distinct consenting tenants fixed in code");
    }

    @Test
    void anUnknownDefaultMarkingRefusesToStartNamingTheSetting() {
        assertStartRefused(Map.of("vigil.fleet.default-tlp", "WHITE"), "vigil.fleet.default-tlp: unknown TLP marking 'WHITE'");
    }

    private void assertStartRefused(Map<String, Object> setting, String expected) {
        Map<String, Object> props = ApplianceProperties.forDataDir(data, "h2");
        props.put("micronaut.server.port", -1);
        props.putAll(setting);
        Throwable failure = assertThrows(RuntimeException.class, () -> ApplicationContext.run(props, "test").close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(expected), messages.toString());
    }
}
