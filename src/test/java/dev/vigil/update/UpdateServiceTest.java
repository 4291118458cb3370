package dev.vigil.update;

import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import dev.vigil.update.tuf.Rejection;
import dev.vigil.update.tuf.UpdateRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applying bundles to an appliance's content directory: staged, validated, switched atomically, audited. */
class UpdateServiceTest {

    private static final TenantId TENANT = TenantId.of("customer");

    @TempDir
    Path dir;

    private ContentFixture fixture;
    private AuditTrail audit;
    private UpdateService updates;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new ContentFixture(dir);
        audit = new AuditTrail(dir.resolve("data/audit"), Clock.systemUTC(), "test");
        updates = service();
    }

    private UpdateService service() {
        return new UpdateService(fixture.contentDir, List.of(new RuleContentValidator(), new ModelContentValidator(),
                new ConnectorContentValidator(), new IntelContentValidator()), audit,
                Clock.fixed(fixture.repo.now, ZoneOffset.UTC), ApplyObserver.NONE);
    }

    @AfterEach
    void close() throws IOException {
        audit.close();
    }

    private UpdateReport apply(Path bundle) {
        return updates.apply(bundle, TENANT, "token:cli", "admin");
    }

    private String currentRule() throws IOException {
        return Files.readString(updates.currentContent().orElseThrow().resolve("rules/sigma/a.yml"));
    }

    @Test
    void aValidBundleBecomesTheCurrentContent() throws IOException {
        UpdateReport report = apply(fixture.bundle(fixture.content("c1", ContentFixture.RULE), 1));
        assertEquals(1, report.version());
        assertEquals(7, report.targets().size());
        assertEquals(ContentFixture.RULE, currentRule());
        assertTrue(Files.isRegularFile(updates.currentContent().orElseThrow().resolve("models/triage/model.onnx")));
    }

    @Test
    void verifyingChangesNothing() throws IOException {
        UpdateReport report = updates.verify(fixture.bundle(fixture.content("c1", ContentFixture.RULE), 1));
        assertEquals(1, report.version());
        assertTrue(updates.currentContent().isEmpty());
        assertTrue(updates.history().isEmpty());
        assertEquals(0, audit.size());
    }

    @Test
    void applyAndRollbackAreAuditedWithBeforeAndAfter() throws IOException {
        apply(fixture.bundle(fixture.content("c1", ContentFixture.RULE), 1));
        apply(fixture.bundle(fixture.content("c2", ContentFixture.RULE.replace("burst", "storm")), 2));
        updates.rollback(TENANT, "token:cli", "admin");
        List<AuditEntry> entries = audit.entries(TENANT, 10);
        assertEquals(List.of("update.apply", "update.apply", "update.rollback"), entries.stream().map(AuditEntry::action).toList());
        assertFalse(entries.get(1).beforeHash().equals(entries.get(1).afterHash()));
        assertTrue(audit.verify().valid());
    }

    @Test
    void aRuleThatDoesNotParseIsRefusedNamingFileAndLineAndTheRunningContentIsUntouched() throws IOException {
        apply(fixture.bundle(fixture.content("c1", ContentFixture.RULE), 1));
        Path bad = fixture.bundle(fixture.content("c2", "title: broken\ndetection:\n  selection: [unclosed\n"), 2);
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class, () -> apply(bad));
        assertEquals(Rejection.INVALID_CONTENT, e.rejection());
        assertTrue(e.file().startsWith("rules/sigma/a.yml:"), e.getMessage());
        assertEquals(ContentFixture.RULE, currentRule());
        assertEquals(1, updates.history().size());
        assertNoStaging();
    }

    @Test
    void aModelFailingItsSmokeEvaluationIsRefused() throws IOException {
        Path content = fixture.content("c1", ContentFixture.RULE);
        Files.write(content.resolve("models/triage/model.onnx"), OnnxModels.unary("Neg"));
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class, () -> apply(fixture.bundle(content, 1)));
        assertEquals("models/triage/model.onnx", e.file());
        assertTrue(e.getMessage().contains("smoke evaluation"), e.getMessage());
        assertTrue(updates.currentContent().isEmpty());
    }

    @Test
    void aModelOnnxRuntimeCannotLoadIsRefused() throws IOException {
        Path content = fixture.content("c1", ContentFixture.RULE);
        Files.writeString(content.resolve("models/triage/model.onnx"), "not a model");
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class, () -> apply(fixture.bundle(content, 1)));
        assertTrue(e.getMessage().contains("ONNX Runtime cannot load it"), e.getMessage());
    }

    @Test
    void aConnectorWhoseSampleNoLongerNormalisesToItsExpectedOutputIsRefused() throws IOException {
        Path content = fixture.content("c1", ContentFixture.RULE);
        Path expected = content.resolve("connectors/cef/expected.json");
        Files.writeString(expected, Files.readString(expected).replace("Check Point", "Someone Else"));
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class, () -> apply(fixture.bundle(content, 1)));
        assertTrue(e.file().startsWith("connectors/cef/sample"), e.getMessage());
    }

    @Test
    void aConnectorSpecThatDoesNotCompileIsRefusedNamingItsFile() throws IOException {
        Path content = fixture.content("c1", ContentFixture.RULE);
        Files.writeString(content.resolve("connectors/cef/connector.yaml"), "name: cef\nparser: nonsense\n");
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class, () -> apply(fixture.bundle(content, 1)));
        assertTrue(e.file().startsWith("connectors/cef/connector.yaml"), e.getMessage());
    }

    @Test
    void rollbackReturnsToThePreviousContentButAnOlderBundleIsStillRefused() throws IOException {
        Path v1 = fixture.bundle(fixture.content("c1", ContentFixture.RULE), 1);
        apply(v1);
        String storm = ContentFixture.RULE.replace("burst", "storm");
        apply(fixture.bundle(fixture.content("c2", storm), 2));
        assertEquals(storm, currentRule());
        updates.rollback(TENANT, "token:cli", "admin");
        assertEquals(ContentFixture.RULE, currentRule());
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class, () -> apply(v1));
        assertEquals(Rejection.ROLLBACK, e.rejection());
    }

    @Test
    void rollbackWithNothingBeforeIsRefusedClearly() throws IOException {
        apply(fixture.bundle(fixture.content("c1", ContentFixture.RULE), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> updates.rollback(TENANT, "a", "admin"));
        assertTrue(e.getMessage().contains("nothing to roll back to"), e.getMessage());
    }

    @Test
    void trustSurvivesARestartSoAReplayedBundleIsRefused() throws IOException {
        Path v1 = fixture.bundle(fixture.content("c1", ContentFixture.RULE), 1);
        apply(v1);
        updates = service();
        assertEquals(Rejection.ROLLBACK, assertThrows(UpdateRejectedException.class, () -> apply(v1)).rejection());
    }

    @Test
    void withoutAPinnedRootNothingIsTrusted() throws IOException {
        Path bundle = fixture.bundle(fixture.content("c1", ContentFixture.RULE), 1);
        Files.delete(fixture.contentDir.resolve("root.json"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> updates.verify(bundle));
        assertTrue(e.getMessage().contains("no trusted root is pinned"), e.getMessage());
    }

    private void assertNoStaging() throws IOException {
        try (Stream<Path> s = Files.list(fixture.contentDir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("staging-")).toList());
        }
    }
}
