package dev.vigil.audit.report;

import dev.vigil.audit.AuditCheckpointer;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditService;
import dev.vigil.audit.AuditSigningKey;
import dev.vigil.audit.AuditTrail;
import dev.vigil.audit.CheckpointStore;
import dev.vigil.audit.MutableClock;
import dev.vigil.audit.note.NoteSigner;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Assessor reports over a real audit trail and real signed checkpoints: what they select, what they say, and that
 * the offline verifier refuses every kind of alteration, naming the line.
 */
class AssessorReportTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final Map<Long, String> states = new HashMap<>();
    private AuditTrail trail;
    private AuditCheckpointer checkpointer;
    private NoteSigner signer;
    private AssessorReports reports;

    @BeforeEach
    void openTrail() {
        Path audit = dir.resolve("audit");
        signer = AuditSigningKey.loadOrCreate(audit, "checkpoint", "vigil.test/audit");
        trail = new AuditTrail(audit, clock, "policy-1");
        checkpointer = new AuditCheckpointer(trail, signer, new CheckpointStore(audit), clock, Duration.ofHours(1), 1_000_000);
        AuditService service = new AuditService(trail, checkpointer, new CheckpointStore(audit), List::of);
        AuditStateLookup recorded = e -> Optional.ofNullable(states.get(e.sequence()));
        reports = new AssessorReports(service, List.of(recorded), clock);
    }

    @AfterEach
    void close() throws Exception {
        checkpointer.close();
        trail.close();
    }

    @Test
    void aReportHoldsTheTenantsDataUseEntriesAndVerifies() {
        scenario();

        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));

        assertEquals(List.of("consent.grant", "alert.close", "fleet.sight", "fleet.hold", "consent.withdraw", "alert.close"),
                report.lines().stream().map(ReportLine::action).toList());
        assertTrue(verify(report).valid(), verify(report).problems().toString());
    }

    @Test
    void anotherTenantsEntriesNeverAppear() {
        scenario();

        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));

        assertTrue(report.lines().stream().noneMatch(l -> l.entry().contains("\"tenant\":\"globex\"")), report.toJson());
        assertFalse(report.toJson().contains("A-GLOBEX"), "globex's alert is not in acme's report");
        assertFalse(report.toJson().contains("indicator-hash:" + "b".repeat(64)), "a fleet decision on an artefact acme never sighted");
    }

    @Test
    void theConsentInForceFollowsTheTenantsConsentEntries() {
        scenario();

        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));

        assertEquals(Map.of("model-training", "granted"), report.lines().get(1).consent());
        assertEquals(Map.of("model-training", "withdrawn"), report.lines().get(5).consent());
    }

    @Test
    void aShownStateGivesTheLineItsMeaning() {
        scenario();

        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));

        assertEquals("verdict on alert A-ACME-1 by alice (true positive; model-training consent granted under policy"
                + " policy-1): verdicts may train this tenant's own models", report.lines().get(1).meaning());
        assertEquals("verdict on alert A-ACME-2 by alice: verdicts may train this tenant's own models",
                report.lines().get(5).meaning(), "no state held: the meaning says only what the entry proves");
    }

    @Test
    void theRangeIncludesFromAndExcludesToWithEarlierConsentAsContext() {
        scenario();
        Instant day2 = T0.plus(Duration.ofDays(2));

        AssessorReport report = reports.build(ACME, day2, T0.plus(Duration.ofDays(4)));

        assertEquals(List.of("consent.grant", "fleet.sight", "fleet.hold"), report.lines().stream().map(ReportLine::action).toList());
        assertTrue(report.lines().getFirst().context());
        assertEquals(day2.toString(), report.lines().get(1).time(), "an entry at exactly 'from' is in");
        assertTrue(verify(report).valid(), verify(report).problems().toString());
    }

    @Test
    void anEmptyRangeStillGivesASignedVerifiableReport() {
        scenario();

        AssessorReport report = reports.build(ACME, T0.plus(Duration.ofDays(30)), T0.plus(Duration.ofDays(31)));

        assertTrue(report.lines().stream().allMatch(ReportLine::context));
        assertTrue(verify(report).valid(), verify(report).problems().toString());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reports.build(ACME, T0.plus(Duration.ofDays(1)), T0));
        assertTrue(e.getMessage().contains("range is empty"), e.getMessage());
    }

    @Test
    void aChangedMeaningIsRefusedNamingTheLine() {
        scenario();
        AssessorReport report = alter(reports.build(ACME, T0, T0.plus(Duration.ofDays(10))), 1,
                l -> new ReportLine(l.index(), l.context(), l.time(), l.action(), l.object(), l.actor(), l.role(),
                        l.policy(), l.meaning().replace("true positive", "false positive"), l.consent(), l.entry(), l.state(), l.proof()));

        AssessorReportVerifier.Result r = verify(report);

        assertFalse(r.valid());
        assertEquals(2, r.firstBadLine());
        assertTrue(r.problems().getFirst().contains("meaning"), r.problems().toString());
    }

    @Test
    void aModifiedEntryIsRefused() {
        scenario();
        AssessorReport report = alter(reports.build(ACME, T0, T0.plus(Duration.ofDays(10))), 1,
                l -> new ReportLine(l.index(), l.context(), l.time(), l.action(), l.object(), "mallory", l.role(),
                        l.policy(), l.meaning(), l.consent(), l.entry().replace("\"actor\":\"alice\"", "\"actor\":\"mallory\""),
                        l.state(), l.proof()));

        AssessorReportVerifier.Result r = verify(report);

        assertFalse(r.valid());
        assertEquals(2, r.firstBadLine());
    }

    @Test
    void anAlteredStateIsRefused() {
        scenario();
        AssessorReport report = alter(reports.build(ACME, T0, T0.plus(Duration.ofDays(10))), 1,
                l -> new ReportLine(l.index(), l.context(), l.time(), l.action(), l.object(), l.actor(), l.role(),
                        l.policy(), l.meaning(), l.consent(), l.entry(), l.state().replace("TRUE_POSITIVE", "FALSE_POSITIVE"), l.proof()));

        AssessorReportVerifier.Result r = verify(report);

        assertFalse(r.valid());
        assertTrue(r.problems().getFirst().contains("after-hash"), r.problems().toString());
    }

    @Test
    void aRemovedProofStepIsRefused() {
        scenario();
        AssessorReport report = alter(reports.build(ACME, T0, T0.plus(Duration.ofDays(10))), 2,
                l -> new ReportLine(l.index(), l.context(), l.time(), l.action(), l.object(), l.actor(), l.role(),
                        l.policy(), l.meaning(), l.consent(), l.entry(), l.state(), l.proof().subList(1, l.proof().size())));

        AssessorReportVerifier.Result r = verify(report);

        assertFalse(r.valid());
        assertEquals(3, r.firstBadLine());
        assertTrue(r.problems().getFirst().contains("inclusion proof"), r.problems().toString());
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() {
        scenario();
        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));
        NoteSigner other = AuditSigningKey.loadOrCreate(dir.resolve("other"), "checkpoint", "vigil.test/audit");

        AssessorReportVerifier.Result r = AssessorReportVerifier.verify(report, other.verifierKey());

        assertFalse(r.valid());
        assertTrue(r.problems().getFirst().startsWith("checkpoint:"), r.problems().toString());
    }

    @Test
    void aLineRemovedFromTheMiddleChangesTheConsentItImplies() {
        scenario();
        AssessorReport full = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));
        List<ReportLine> lines = new ArrayList<>(full.lines());
        lines.remove(4); // hide the withdrawal: the last verdict would then seem to be made with consent
        AssessorReport report = new AssessorReport(full.format(), full.tenant(), full.from(), full.to(), full.generatedAt(),
                full.checkpoint(), lines);

        AssessorReportVerifier.Result r = verify(report);

        assertFalse(r.valid(), "the stated consent 'withdrawn' no longer follows from the lines shown");
        assertEquals(5, r.firstBadLine());
    }

    @Test
    void aLineFromAnotherLogIsRefused() throws Exception {
        scenario();
        AssessorReport mine = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));
        AssessorReportTest otherLog = new AssessorReportTest();
        otherLog.dir = dir.resolve("elsewhere");
        otherLog.openTrail();
        AssessorReport theirs;
        try {
            otherLog.clock.set(T0.plus(Duration.ofDays(1)));
            otherLog.trail.append(new AuditRecord("alice", "analyst", ACME, "alert.close", "A-FORGED", null, "{}"));
            theirs = otherLog.reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));
        } finally {
            otherLog.close();
        }
        List<ReportLine> lines = new ArrayList<>(mine.lines());
        lines.add(2, theirs.lines().getFirst());
        AssessorReport spliced = new AssessorReport(mine.format(), mine.tenant(), mine.from(), mine.to(), mine.generatedAt(),
                mine.checkpoint(), lines);

        AssessorReportVerifier.Result r = verify(spliced);

        assertFalse(r.valid());
        assertEquals(3, r.firstBadLine());
    }

    @Test
    void aReportSurvivesItsFileFormat() {
        scenario();
        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));

        AssessorReport read = AssessorReport.parse(report.toJson());

        assertEquals(report, read);
        assertTrue(verify(read).valid());
        assertThrows(IllegalArgumentException.class, () -> AssessorReport.parse("{\"format\":\"something else\"}"));
    }

    /** acme grants, gets a verdict, sights an artefact (held), withdraws, gets another verdict; globex acts too. */
    private void scenario() {
        at(0, new AuditRecord("admin", "admin", ACME, "consent.grant", "model-training", null, "{\"state\":\"granted\"}"));
        at(0, new AuditRecord("bob", "admin", GLOBEX, "consent.grant", "model-training", null, "{}"));
        long verdict = at(1, new AuditRecord("alice", "analyst", ACME, "alert.close", "A-ACME-1", "{}", closedState()));
        states.put(verdict, closedState());
        at(1, new AuditRecord("carol", "analyst", GLOBEX, "alert.close", "A-GLOBEX-1", "{}", "{}"));
        at(1, new AuditRecord("alice", "analyst", ACME, "alert.acknowledge", "A-ACME-9", "{}", "{}"));
        at(2, new AuditRecord("system:fleet", "system", ACME, "fleet.sight", "indicator-hash:" + "a".repeat(64), null, "{}"));
        at(2, new AuditRecord("system:fleet", "system", TenantId.FLEET, "fleet.hold", "indicator-hash:" + "a".repeat(64), null, "{}"));
        at(2, new AuditRecord("system:fleet", "system", TenantId.FLEET, "fleet.hold", "indicator-hash:" + "b".repeat(64), null, "{}"));
        at(5, new AuditRecord("admin", "admin", ACME, "consent.withdraw", "model-training", "{}", "{}"));
        at(6, new AuditRecord("alice", "analyst", ACME, "alert.close", "A-ACME-2", "{}", "{}"));
    }

    private static String closedState() {
        return "{\"id\":\"A-ACME-1\",\"status\":\"CLOSED\",\"verdict\":\"TRUE_POSITIVE\",\"verdictConsent\":\"GRANTED\","
                + "\"verdictPolicyVersion\":\"policy-1\"}";
    }

    private long at(int day, AuditRecord record) {
        clock.set(T0.plus(Duration.ofDays(day)));
        AuditEntry e = trail.append(record);
        return e.sequence();
    }

    private AssessorReportVerifier.Result verify(AssessorReport report) {
        return AssessorReportVerifier.verify(report, signer.verifierKey());
    }

    private static AssessorReport alter(AssessorReport r, int index, UnaryOperator<ReportLine> change) {
        List<ReportLine> lines = new ArrayList<>(r.lines());
        lines.set(index, change.apply(lines.get(index)));
        return new AssessorReport(r.format(), r.tenant(), r.from(), r.to(), r.generatedAt(), r.checkpoint(), lines);
    }
}
