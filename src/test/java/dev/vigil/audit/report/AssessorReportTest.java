package dev.vigil.audit.report;

import dev.vigil.audit.AuditCheckpointer;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditService;
import dev.vigil.audit.AuditSigningKey;
import dev.vigil.audit.AuditTrail;
import dev.vigil.audit.CheckpointStore;
import dev.vigil.audit.MutableClock;
import dev.vigil.audit.merkle.MerkleHasher;
import dev.vigil.cli.VigilCommand;
import dev.vigil.audit.note.NoteSigner;
import dev.vigil.fleet.ConsentScope;
import dev.vigil.fleet.ConsentState;
import dev.vigil.fleet.DataUse;
import dev.vigil.fleet.DataUseLedger;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
    void aTenantWithNothingInTheChainGetsAnEmptySignedVerifiableReport() {
        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(1)));

        assertEquals(List.of(), report.lines());
        assertTrue(report.checkpoint().contains("\n\n\u2014 vigil.test/audit "), "signed: " + report.checkpoint());
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
                        l.policy(), l.meaning().replace("true positive", "false positive"), l.consent(), l.entry(), l.leafHash(), l.state(), l.proof()));

        assertRefused(report, 2, "meaning");
    }

    @Test
    void aModifiedEntryIsRefused() {
        scenario();
        AssessorReport report = alter(reports.build(ACME, T0, T0.plus(Duration.ofDays(10))), 1,
                l -> new ReportLine(l.index(), l.context(), l.time(), l.action(), l.object(), "mallory", l.role(),
                        l.policy(), l.meaning(), l.consent(), l.entry().replace("\"actor\":\"alice\"", "\"actor\":\"mallory\""),
                        l.leafHash(), l.state(), l.proof()));

        assertRefused(report, 2, "leaf hash is not the hash of its entry");
    }

    @Test
    void anAlteredStateIsRefused() {
        scenario();
        AssessorReport report = alter(reports.build(ACME, T0, T0.plus(Duration.ofDays(10))), 1,
                l -> new ReportLine(l.index(), l.context(), l.time(), l.action(), l.object(), l.actor(), l.role(),
                        l.policy(), l.meaning(), l.consent(), l.entry(), l.leafHash(), l.state().replace("TRUE_POSITIVE", "FALSE_POSITIVE"), l.proof()));

        assertRefused(report, 2, "its state does not hash to the entry's after-hash");
    }

    @Test
    void aRemovedProofStepIsRefused() {
        scenario();
        AssessorReport report = alter(reports.build(ACME, T0, T0.plus(Duration.ofDays(10))), 2,
                l -> new ReportLine(l.index(), l.context(), l.time(), l.action(), l.object(), l.actor(), l.role(),
                        l.policy(), l.meaning(), l.consent(), l.entry(), l.leafHash(), l.state(), l.proof().subList(1, l.proof().size())));

        assertRefused(report, 3, "inclusion proof");
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

        // the stated consent 'withdrawn' no longer follows from the lines shown
        assertRefused(withLines(full, lines), 5, "the consent in force is not what the tenant's consent entries give");
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
            otherLog.at(0, new AuditRecord("admin", "admin", ACME, "consent.grant", "model-training", null, "{}"));
            otherLog.at(0, new AuditRecord("bob", "admin", GLOBEX, "consent.grant", "model-training", null, "{}"));
            otherLog.at(1, new AuditRecord("alice", "analyst", ACME, "alert.close", "A-FORGED", null, "{}"));
            theirs = otherLog.reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));
        } finally {
            otherLog.close();
        }
        ReportLine forged = theirs.lines().get(1);
        assertEquals(mine.lines().get(1).index(), forged.index(), "the forged line takes the place of a real one");
        List<ReportLine> lines = new ArrayList<>(mine.lines());
        lines.set(1, forged);

        assertRefused(withLines(mine, lines), 2, "its inclusion proof does not lead to the signed root");
    }

    @Test
    void aLeafHashThatIsNotTheHashOfItsEntryIsRefused() {
        scenario();
        AssessorReport report = alter(reports.build(ACME, T0, T0.plus(Duration.ofDays(10))), 3,
                l -> new ReportLine(l.index(), l.context(), l.time(), l.action(), l.object(), l.actor(), l.role(),
                        l.policy(), l.meaning(), l.consent(), l.entry(), "0".repeat(64), l.state(), l.proof()));

        assertRefused(report, 4, "leaf hash is not the hash of its entry");
    }

    @Test
    void aModifiedEntryWithARecomputedLeafHashFailsItsInclusionProof() {
        scenario();
        AssessorReport report = alter(reports.build(ACME, T0, T0.plus(Duration.ofDays(10))), 1, l -> {
            String entry = l.entry().replace("\"actor\":\"alice\"", "\"actor\":\"mallory\"");
            return new ReportLine(l.index(), l.context(), l.time(), l.action(), l.object(), "mallory", l.role(),
                    l.policy(), l.meaning().replace("alice", "mallory"), l.consent(), entry, leafHex(entry), l.state(), l.proof());
        });

        assertRefused(report, 2, "inclusion proof does not lead to the signed root");
    }

    @Test
    void aDuplicatedLineIsRefused() {
        scenario();
        AssessorReport full = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));
        List<ReportLine> lines = new ArrayList<>(full.lines());
        lines.add(3, lines.get(2));

        assertRefused(withLines(full, lines), 4, "a duplicate");
    }

    @Test
    void linesOutOfChainOrderAreRefused() {
        scenario();
        AssessorReport full = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));
        List<ReportLine> lines = new ArrayList<>(full.lines());
        lines.set(1, full.lines().get(2));
        lines.set(2, full.lines().get(1));

        assertRefused(withLines(full, lines), 3, "out of chain order");
    }

    @Test
    void aCheckpointWhoseSignedTextWasChangedIsRefused() {
        scenario();
        AssessorReport full = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));
        String[] note = full.checkpoint().split("\n", -1);
        note[1] = String.valueOf(Long.parseLong(note[1]) + 1); // claim a bigger tree under the same signature
        AssessorReport forged = new AssessorReport(full.format(), full.tenant(), full.from(), full.to(), full.generatedAt(),
                String.join("\n", note), full.lines());

        AssessorReportVerifier.Result r = verify(forged);

        assertFalse(r.valid());
        assertEquals(0, r.firstBadLine(), "the checkpoint, not a line, is bad");
        assertTrue(r.problems().getFirst().startsWith("checkpoint:"), r.problems().toString());
    }

    @Test
    void anEntryAtExactlyTheEndOfTheRangeIsLeftOut() {
        scenario();
        Instant withdrawal = T0.plus(Duration.ofDays(5));

        AssessorReport before = reports.build(ACME, T0, withdrawal);
        AssessorReport after = reports.build(ACME, T0, withdrawal.plusMillis(1));

        assertTrue(before.lines().stream().noneMatch(l -> l.action().equals("consent.withdraw")), before.toText());
        assertEquals(withdrawal.toString(), after.lines().getLast().time());
        assertTrue(verify(before).valid() && verify(after).valid());
    }

    @Test
    void aDataUseLineNamesTheRecordThePurposeAndTheConsentStampedOnIt() {
        DataUse use = new DataUse("use-1", ACME, "alert", "A-ACME-1", ConsentScope.MODEL_TRAINING, "model:triage-t1-v3",
                ConsentState.GRANTED, "policy-1", T0);
        long seq = at(1, new AuditRecord("system:model", "system", ACME, "data-use.record", use.id(), null,
                DataUseLedger.auditState(use)));
        states.put(seq, DataUseLedger.auditState(use));

        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(2)));

        assertEquals("record alert/A-ACME-1 used by model:triage-t1-v3 for model-training (consent granted under policy"
                + " policy-1)", report.lines().getFirst().meaning());
        assertTrue(verify(report).valid(), verify(report).problems().toString());
    }

    @Test
    void aModelLineSaysWhatTheModelWasTrainedOn() {
        String state = "{\"model\":\"triage-t1-v3\",\"verdicts\":412,\"auc\":0.91,\"features\":[\"a\",\"b\"]}";
        long seq = at(1, new AuditRecord("system:learn", "system", ACME, "model.train", "triage-t1-v3", null, state));
        states.put(seq, state);
        at(2, new AuditRecord("admin", "admin", ACME, "model.rollback", "triage-t1-v3", null, "{}"));

        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(3)));

        assertEquals(List.of("model triage-t1-v3 trained by system:learn on 412 verdicts (model triage-t1-v3, auc 0.91)",
                "model triage-t1-v3 rolled back by admin"), report.lines().stream().map(ReportLine::meaning).toList());
        assertTrue(verify(report).valid(), verify(report).problems().toString());
    }

    @Test
    void theTextFormShowsEachLinesIndexActionConsentAndLeafHash() {
        scenario();
        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));
        ReportLine verdict = report.lines().get(1);

        String text = report.toText();

        assertTrue(text.contains("  #" + verdict.index() + " " + verdict.time() + "  alert.close A-ACME-1\n"), text);
        assertTrue(text.contains("consent in force: model-training granted; policy policy-1"), text);
        assertTrue(text.contains("leaf " + verdict.leafHash() + ", proof of " + verdict.proof().size() + " hashes"), text);
        assertTrue(text.endsWith(report.checkpoint()), "the signed checkpoint closes the text");
    }

    @Test
    void theLatestCheckpointIsUsedWhenItCoversEveryLine() {
        scenario();
        String latest = checkpointer.signNow().encoded();
        at(7, new AuditRecord("carol", "analyst", GLOBEX, "alert.close", "A-GLOBEX-2", "{}", "{}"));

        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));

        assertEquals(latest, report.checkpoint(), "another tenant's later entry needs no new checkpoint");
        assertTrue(verify(report).valid(), verify(report).problems().toString());
    }

    @Test
    void aCheckpointIsSignedWhenTheLatestDoesNotCoverALine() {
        scenario();
        String latest = checkpointer.signNow().encoded();
        long verdict = at(7, new AuditRecord("alice", "analyst", ACME, "alert.close", "A-ACME-3", "{}", "{}"));

        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));

        assertFalse(report.checkpoint().equals(latest));
        assertEquals(verdict, report.lines().getLast().index());
        assertTrue(verify(report).valid(), verify(report).problems().toString());
    }

    @Test
    void onlyTheLastConsentEntryOfEachScopeBeforeTheRangeComesAlongAsContext() {
        consentHistory();

        AssessorReport report = reports.build(ACME, T0.plus(Duration.ofDays(4)), T0.plus(Duration.ofDays(5)));

        assertEquals(List.of("fleet-sharing consent.grant", "model-training consent.grant", "A-ACME-1 alert.close"),
                report.lines().stream().map(l -> l.object() + " " + l.action()).toList());
        assertEquals(Map.of("fleet-sharing", "granted", "model-training", "granted"), report.lines().getLast().consent());
        assertTrue(verify(report).valid(), verify(report).problems().toString());
    }

    @Test
    void aSecondContextLineForOneScopeIsRefused() {
        consentHistory();
        ReportLine withdrawal = reports.build(ACME, T0, T0.plus(Duration.ofDays(5))).lines().get(2);
        AssessorReport report = reports.build(ACME, T0.plus(Duration.ofDays(4)), T0.plus(Duration.ofDays(5)));
        List<ReportLine> lines = new ArrayList<>(report.lines());
        lines.add(1, new ReportLine(withdrawal.index(), true, withdrawal.time(), withdrawal.action(), withdrawal.object(),
                withdrawal.actor(), withdrawal.role(), withdrawal.policy(), withdrawal.meaning(), withdrawal.consent(),
                withdrawal.entry(), withdrawal.leafHash(), withdrawal.state(), withdrawal.proof()));

        assertRefused(withLines(report, lines), 3, "a second context line for model-training");
    }

    @Test
    void aLineWhoseFieldsDifferFromItsEntryIsRefused() {
        scenario();
        AssessorReport report = alter(reports.build(ACME, T0, T0.plus(Duration.ofDays(10))), 1,
                l -> new ReportLine(l.index(), l.context(), l.time(), l.action(), "A-ACME-9", l.actor(), l.role(),
                        l.policy(), l.meaning(), l.consent(), l.entry(), l.leafHash(), l.state(), l.proof()));

        assertRefused(report, 2, "the line's fields differ from its entry's");
    }

    @Test
    void theVerifyReportCommandExitsOneAndNamesTheFirstBadLine() throws Exception {
        scenario();
        AssessorReport report = alter(reports.build(ACME, T0, T0.plus(Duration.ofDays(10))), 1,
                l -> new ReportLine(l.index(), l.context(), l.time(), l.action(), l.object(), l.actor(), l.role(),
                        l.policy(), l.meaning(), l.consent(), l.entry(), l.leafHash(), l.state(), List.of()));
        Path file = dir.resolve("report.json");
        Files.writeString(file, report.toJson());
        Path clean = dir.resolve("clean.json");
        Files.writeString(clean, reports.build(ACME, T0, T0.plus(Duration.ofDays(10))).toJson());
        String key = signer.verifierKey().encoded();

        assertEquals(0, VigilCommand.execute("audit", "verify-report", clean.toString(), "--key", key));
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = VigilCommand.execute("audit", "verify-report", file.toString(), "--key", key);
        } finally {
            System.setOut(saved);
        }

        assertEquals(1, exit, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("first bad line: 2"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFleetDecisionInRangeBringsTheTenantsEarlierSightingAsContext() {
        scenario();
        at(7, new AuditRecord("system:fleet", "system", TenantId.FLEET, "fleet.refuse", "indicator-hash:" + "a".repeat(64), null, "{}"));

        AssessorReport report = reports.build(ACME, T0.plus(Duration.ofDays(6)), T0.plus(Duration.ofDays(10)));

        assertEquals(List.of("fleet.sight (context)", "consent.withdraw (context)", "alert.close", "fleet.refuse"),
                report.lines().stream().map(l -> l.action() + (l.context() ? " (context)" : "")).toList());
        assertTrue(verify(report).valid(), verify(report).problems().toString());
    }

    @Test
    void aFleetDecisionWithoutALineShowingTheTenantSightedItsArtefactIsRefused() {
        scenario();
        at(7, new AuditRecord("system:fleet", "system", TenantId.FLEET, "fleet.refuse", "indicator-hash:" + "a".repeat(64), null, "{}"));
        AssessorReport report = reports.build(ACME, T0.plus(Duration.ofDays(6)), T0.plus(Duration.ofDays(10)));
        List<ReportLine> lines = new ArrayList<>(report.lines());
        lines.removeFirst();

        assertRefused(withLines(report, lines), 3, "which no earlier line shows this tenant sighted");
    }

    @Test
    void aHeaderWhoseRangeWasTurnedAroundIsRefused() {
        scenario();
        AssessorReport report = reports.build(ACME, T0, T0.plus(Duration.ofDays(10)));
        AssessorReport turned = new AssessorReport(report.format(), report.tenant(), report.to(), report.from(),
                report.generatedAt(), report.checkpoint(), report.lines());

        AssessorReportVerifier.Result r = verify(turned);

        assertFalse(r.valid());
        assertTrue(r.problems().getFirst().startsWith("header: the range is empty"), r.problems().toString());
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

    /** acme: model-training granted, fleet-sharing granted, model-training withdrawn then granted again, a verdict. */
    private void consentHistory() {
        at(0, new AuditRecord("admin", "admin", ACME, "consent.grant", "model-training", null, "{}"));
        at(1, new AuditRecord("admin", "admin", ACME, "consent.grant", "fleet-sharing", null, "{}"));
        at(2, new AuditRecord("admin", "admin", ACME, "consent.withdraw", "model-training", "{}", "{}"));
        at(3, new AuditRecord("admin", "admin", ACME, "consent.grant", "model-training", "{}", "{}"));
        at(4, new AuditRecord("alice", "analyst", ACME, "alert.close", "A-ACME-1", "{}", "{}"));
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

    /** Asserts the verifier refuses the report, naming line {@code position} (from 1) with a problem containing {@code why}. */
    private void assertRefused(AssessorReport report, int position, String why) {
        AssessorReportVerifier.Result r = verify(report);
        assertFalse(r.valid(), "refused");
        assertEquals(position, r.firstBadLine(), r.problems().toString());
        assertTrue(r.problems().getFirst().contains(why), r.problems().toString());
    }

    private static AssessorReport withLines(AssessorReport r, List<ReportLine> lines) {
        return new AssessorReport(r.format(), r.tenant(), r.from(), r.to(), r.generatedAt(), r.checkpoint(), lines);
    }

    private static String leafHex(String entry) {
        return HexFormat.of().formatHex(new MerkleHasher().leaf(entry.getBytes(StandardCharsets.UTF_8)));
    }

    private static AssessorReport alter(AssessorReport r, int index, UnaryOperator<ReportLine> change) {
        List<ReportLine> lines = new ArrayList<>(r.lines());
        lines.set(index, change.apply(lines.get(index)));
        return new AssessorReport(r.format(), r.tenant(), r.from(), r.to(), r.generatedAt(), r.checkpoint(), lines);
    }
}
