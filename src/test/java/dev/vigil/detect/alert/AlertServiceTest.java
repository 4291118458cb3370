package dev.vigil.detect.alert;

import dev.vigil.appliance.ApplianceProperties;
import dev.vigil.appliance.FirstStart;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditTrail;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.event.EventIds;
import dev.vigil.fleet.ConsentScope;
import dev.vigil.fleet.ConsentService;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantKind;
import dev.vigil.tenancy.TenantRegistry;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts on real H2 and SQLite files: dedup window, group keys, replay, caps, lifecycle and its audit, tenancy. */
class AlertServiceTest {

    private static final TenantId CUSTOMER = TenantId.of("customer");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path data;

    private ApplicationContext start(String database) {
        Map<String, Object> props = ApplianceProperties.forDataDir(data, database);
        props.put("micronaut.server.port", -1);
        props.put("vigil.detect.dedup-window", "10m");
        ApplicationContext context = ApplicationContext.run(props, "test");
        context.getBean(FirstStart.class).run();
        return context;
    }

    private static AlertCandidate candidate(TenantId tenant, String group, Instant at, long... sequences) {
        List<String> ids = java.util.Arrays.stream(sequences).mapToObj(EventIds::format).toList();
        return new AlertCandidate(tenant, "rule-1", "Whoami Execution", RuleLevel.MEDIUM, List.of("attack.t1033"),
                AlertKind.DETECTION, at, at, ids, List.of(new MatchedField("Image", "C:\\whoami.exe")), group);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void aFiringWithinTheWindowFoldsIntoTheOpenAlert(String database) {
        try (ApplicationContext ctx = start(database)) {
            AlertService alerts = ctx.getBean(AlertService.class);
            Alert first = alerts.record(candidate(CUSTOMER, "host=ws1", T0, 1));
            Alert second = alerts.record(candidate(CUSTOMER, "host=ws1", T0.plus(Duration.ofMinutes(9)), 2));
            assertEquals(first.id(), second.id());
            assertEquals(2, second.eventCount());
            assertEquals(List.of(EventIds.format(1), EventIds.format(2)), AlertService.eventIdsOf(second));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void aFiringAfterTheWindowOrForAnotherGroupOpensANewAlert(String database) {
        try (ApplicationContext ctx = start(database)) {
            AlertService alerts = ctx.getBean(AlertService.class);
            Alert first = alerts.record(candidate(CUSTOMER, "host=ws1", T0, 1));
            assertNotEquals(first.id(), alerts.record(candidate(CUSTOMER, "host=ws1", T0.plus(Duration.ofMinutes(11)), 2)).id());
            assertNotEquals(first.id(), alerts.record(candidate(CUSTOMER, "host=ws2", T0, 3)).id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void replayingEventsAlreadyFoldedInChangesNothing(String database) {
        try (ApplicationContext ctx = start(database)) {
            AlertService alerts = ctx.getBean(AlertService.class);
            alerts.record(candidate(CUSTOMER, "host=ws1", T0, 5));
            alerts.record(candidate(CUSTOMER, "host=ws1", T0, 6));
            Alert replayed = alerts.record(candidate(CUSTOMER, "host=ws1", T0, 5));
            assertEquals(2, replayed.eventCount());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void aClosedAlertIsNotFoldedInto(String database) {
        try (ApplicationContext ctx = start(database)) {
            AlertService alerts = ctx.getBean(AlertService.class);
            Alert first = alerts.record(candidate(CUSTOMER, "host=ws1", T0, 1));
            alerts.close(CUSTOMER, first.id(), Verdict.FALSE_POSITIVE, "test box", "ann", "analyst");
            assertNotEquals(first.id(), alerts.record(candidate(CUSTOMER, "host=ws1", T0.plusSeconds(5), 2)).id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void eventIdsAreCappedButTheCountStaysExact(String database) {
        try (ApplicationContext ctx = start(database)) {
            AlertService alerts = ctx.getBean(AlertService.class);
            Alert last = null;
            for (int i = 1; i <= AlertService.EVENT_ID_CAP + 20; i++) {
                last = alerts.record(candidate(CUSTOMER, "host=ws1", T0.plusSeconds(i), i));
            }
            assertEquals(AlertService.EVENT_ID_CAP + 20, last.eventCount());
            assertEquals(AlertService.EVENT_ID_CAP, AlertService.eventIdsOf(last).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void acknowledgingAndClosingAreRecordedAndAudited(String database) {
        try (ApplicationContext ctx = start(database)) {
            AlertService alerts = ctx.getBean(AlertService.class);
            Alert alert = alerts.record(candidate(CUSTOMER, "host=ws1", T0, 1));
            Alert acked = alerts.acknowledge(CUSTOMER, alert.id(), "ann", "analyst");
            assertEquals(AlertStatus.ACKNOWLEDGED, acked.status());
            assertEquals("ann", acked.acknowledgedBy());
            Alert closed = alerts.close(CUSTOMER, alert.id(), Verdict.TRUE_POSITIVE, "confirmed with the host owner", "bob", "analyst");
            assertEquals(Verdict.TRUE_POSITIVE, closed.verdict());
            List<AuditEntry> entries = ctx.getBean(AuditTrail.class).entries(CUSTOMER, 2);
            assertEquals(List.of("alert.acknowledge", "alert.close"), entries.stream().map(AuditEntry::action).toList());
            assertEquals("bob", entries.getLast().actor());
            assertEquals(alert.id(), entries.getLast().object());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void aVerdictCarriesTheModelTrainingConsentAndPolicyInForceWhenGiven(String database) {
        try (ApplicationContext ctx = start(database)) {
            AlertService alerts = ctx.getBean(AlertService.class);
            Alert before = alerts.close(CUSTOMER, alerts.record(candidate(CUSTOMER, "host=ws1", T0, 1)).id(),
                    Verdict.FALSE_POSITIVE, null, "ann", "analyst");
            assertEquals("WITHDRAWN", before.verdictConsent());
            ctx.getBean(ConsentService.class).grant(CUSTOMER, ConsentScope.MODEL_TRAINING, "pilot", "ann", "admin");
            Alert after = alerts.close(CUSTOMER, alerts.record(candidate(CUSTOMER, "host=ws2", T0, 2)).id(),
                    Verdict.TRUE_POSITIVE, null, "ann", "analyst");
            assertEquals("GRANTED", after.verdictConsent());
            assertEquals(ctx.getBean(dev.vigil.appliance.VigilSettings.class).policyVersion(), after.verdictPolicyVersion());
            assertEquals("WITHDRAWN", alerts.get(CUSTOMER, before.id()).verdictConsent());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void stepsTheStatusDoesNotAllowAreRefusedAndChangeNothing(String database) {
        try (ApplicationContext ctx = start(database)) {
            AlertService alerts = ctx.getBean(AlertService.class);
            Alert alert = alerts.record(candidate(CUSTOMER, "host=ws1", T0, 1));
            alerts.close(CUSTOMER, alert.id(), Verdict.BENIGN_POSITIVE, null, "ann", "analyst");
            long before = ctx.getBean(AuditTrail.class).size();
            AlertStateException e = assertThrows(AlertStateException.class,
                    () -> alerts.close(CUSTOMER, alert.id(), Verdict.TRUE_POSITIVE, null, "bob", "analyst"));
            assertTrue(e.getMessage().contains("already closed as benign_positive by ann"), e.getMessage());
            assertThrows(AlertStateException.class, () -> alerts.acknowledge(CUSTOMER, alert.id(), "bob", "analyst"));
            assertEquals(before, ctx.getBean(AuditTrail.class).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void anotherTenantsAlertIsIndistinguishableFromAMissingOne(String database) {
        try (ApplicationContext ctx = start(database)) {
            TenantId other = TenantId.of("other");
            ctx.getBean(TenantRegistry.class).ensure(other, "Other", TenantKind.CUSTOMER);
            AlertService alerts = ctx.getBean(AlertService.class);
            Alert alert = alerts.record(candidate(CUSTOMER, "host=ws1", T0, 1));
            NoSuchAlertException e = assertThrows(NoSuchAlertException.class, () -> alerts.get(other, alert.id()));
            assertEquals("no alert " + alert.id(), e.getMessage());
            assertTrue(alerts.list(other, new AlertQuery(null, null, null, Instant.EPOCH, null, 100)).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void listingFiltersByStatusLevelAndRule(String database) {
        try (ApplicationContext ctx = start(database)) {
            AlertService alerts = ctx.getBean(AlertService.class);
            Alert open = alerts.record(candidate(CUSTOMER, "host=ws1", T0, 1));
            Alert closed = alerts.record(candidate(CUSTOMER, "host=ws2", T0, 2));
            alerts.close(CUSTOMER, closed.id(), Verdict.FALSE_POSITIVE, null, "ann", "analyst");
            List<Alert> fresh = alerts.list(CUSTOMER, new AlertQuery(AlertStatus.NEW, RuleLevel.MEDIUM, "rule-1", Instant.EPOCH, "whoami", 10));
            assertEquals(List.of(open.id()), fresh.stream().map(Alert::id).toList());
            assertTrue(alerts.list(CUSTOMER, new AlertQuery(null, RuleLevel.HIGH, null, Instant.EPOCH, null, 10)).isEmpty());
        }
    }
}
