package dev.vigil.fleet;

import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.vigil.fleet.FleetContexts.CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consent as data and the data-use ledger on real H2 and SQLite files. */
class ConsentLedgerTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void consentIsWithdrawnUntilGrantedAndEveryChangeIsAuditedWithBeforeAndAfter(String database) {
        try (ApplicationContext ctx = FleetContexts.start(data, database, Map.of())) {
            ConsentService consent = ctx.getBean(ConsentService.class);
            assertEquals(ConsentState.WITHDRAWN, consent.stamp(CUSTOMER, ConsentScope.MODEL_TRAINING).state());
            assertEquals("never set: withdrawn by default", consent.show(CUSTOMER).getFirst().explanation());

            ConsentStatus granted = consent.grant(CUSTOMER, ConsentScope.MODEL_TRAINING, "pilot", "alice", "admin");
            assertEquals("granted", granted.state());
            AuditEntry grant = FleetContexts.lastEntry(ctx, CUSTOMER);
            assertEquals("consent.grant", grant.action());
            assertEquals("model-training", grant.object());
            assertEquals("alice", grant.actor());
            assertNotEquals(grant.beforeHash(), grant.afterHash());

            consent.withdraw(CUSTOMER, ConsentScope.MODEL_TRAINING, "pilot over", "bob", "admin");
            assertEquals("consent.withdraw", FleetContexts.lastEntry(ctx, CUSTOMER).action());
            assertEquals(ConsentState.WITHDRAWN, consent.stamp(CUSTOMER, ConsentScope.MODEL_TRAINING).state());
            assertEquals(ConsentState.WITHDRAWN, consent.stamp(CUSTOMER, ConsentScope.FLEET_SHARING).state());
            List<ConsentRecord> history = consent.history(CUSTOMER);
            assertEquals(List.of(ConsentState.GRANTED, ConsentState.WITHDRAWN), history.stream().map(ConsentRecord::state).toList());
            assertEquals("pilot over", history.getLast().reason());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void aStampKeepsTheConsentInForceAtCreationAndWithdrawingStopsNewUses(String database) {
        try (ApplicationContext ctx = FleetContexts.start(data, database, Map.of())) {
            ConsentService consent = ctx.getBean(ConsentService.class);
            DataUseLedger ledger = ctx.getBean(DataUseLedger.class);
            consent.grant(CUSTOMER, ConsentScope.MODEL_TRAINING, null, "alice", "admin");
            ledger.record(CUSTOMER, "verdict", "alert-1", ConsentScope.MODEL_TRAINING, "model:triage-v1");
            consent.withdraw(CUSTOMER, ConsentScope.MODEL_TRAINING, null, "alice", "admin");

            ConsentRequiredException refused = assertThrows(ConsentRequiredException.class,
                    () -> ledger.record(CUSTOMER, "verdict", "alert-2", ConsentScope.MODEL_TRAINING, "model:triage-v1"));
            assertTrue(refused.getMessage().contains("has not granted model-training consent under policy 2026-1"),
                    refused.getMessage());

            DataUseReport report = ledger.report(CUSTOMER);
            assertEquals(1, report.uses().size());
            DataUseReport.UsedRecord used = report.uses().getFirst().records().getFirst();
            assertEquals("alert-1", used.id());
            assertEquals("granted", used.consentState());
            assertEquals("2026-1", used.policyVersion());
            assertEquals("withdrawn", report.consent().getFirst().state());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void aGrantUnderAnOlderPolicyVersionDoesNotCountAfterThePolicyChanges(String database) {
        try (ApplicationContext ctx = FleetContexts.start(data, database, Map.of())) {
            ctx.getBean(ConsentService.class).grant(CUSTOMER, ConsentScope.MODEL_TRAINING, null, "alice", "admin");
        }
        try (ApplicationContext ctx = FleetContexts.start(data, database, Map.of("vigil.policy-version", "2026-2"))) {
            ConsentService consent = ctx.getBean(ConsentService.class);
            assertEquals(new ConsentStamp(ConsentState.WITHDRAWN, "2026-2"), consent.stamp(CUSTOMER, ConsentScope.MODEL_TRAINING));
            assertTrue(consent.show(CUSTOMER).getFirst().explanation().contains("granted under policy 2026-1, which is no longer in force"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void theDataUseReportAnswersPerModelAndShowsOnlyTheAskingTenant(String database) {
        try (ApplicationContext ctx = FleetContexts.start(data, database, Map.of())) {
            TenantId other = FleetContexts.tenants(ctx, "other").getFirst();
            ConsentService consent = ctx.getBean(ConsentService.class);
            DataUseLedger ledger = ctx.getBean(DataUseLedger.class);
            assertEquals(DataUseLedger.NOTHING_USED, ledger.report(CUSTOMER).summary());
            consent.grant(CUSTOMER, ConsentScope.MODEL_TRAINING, null, "alice", "admin");
            ledger.record(CUSTOMER, "verdict", "alert-1", ConsentScope.MODEL_TRAINING, "model:triage-v1");
            ledger.record(CUSTOMER, "verdict", "alert-2", ConsentScope.MODEL_TRAINING, "model:triage-v1");
            ledger.record(CUSTOMER, "event", "e-9", ConsentScope.MODEL_TRAINING, "model:anomaly-v2");

            DataUseReport report = ledger.report(CUSTOMER);
            assertEquals("3 record(s) of this tenant used by 2 model(s) or artefact(s)", report.summary());
            assertEquals(List.of("model:triage-v1", "model:anomaly-v2"), report.uses().stream().map(DataUseReport.Use::usedBy).toList());
            assertEquals(List.of("alert-1", "alert-2"), report.uses().getFirst().records().stream().map(DataUseReport.UsedRecord::id).toList());
            assertEquals("model-training", report.uses().getFirst().purpose());

            DataUseReport others = ledger.report(other);
            assertEquals(DataUseLedger.NOTHING_USED, others.summary());
            assertTrue(others.uses().isEmpty());
            assertEquals(0, ctx.getBean(AuditTrail.class).entries(other, 10).stream()
                    .filter(e -> e.action().startsWith("consent.")).count());
        }
    }
}
