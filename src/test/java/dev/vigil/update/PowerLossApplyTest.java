package dev.vigil.update;

import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real process dies mid-apply (the JVM halts at each step: no finally blocks, no clean-up), then the appliance
 * starts again on the same data: the current content is wholly the old or wholly the new, the trail still verifies,
 * and the staging left behind is cleaned up.
 */
class PowerLossApplyTest {

    private static final String NEW_RULE = ContentFixture.RULE.replace("burst", "storm");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ApplyStep.class)
    void aProcessHaltedAtAnyStepLeavesWhollyOldOrWhollyNewContent(ApplyStep haltAt) throws Exception {
        ContentFixture fixture = new ContentFixture(dir);
        Path v1 = fixture.bundle(fixture.content("c1", ContentFixture.RULE), 1);
        Path v2 = fixture.bundle(fixture.content("c2", NEW_RULE), 2);
        Path auditDir = dir.resolve("data/audit");
        try (AuditTrail audit = new AuditTrail(auditDir, Clock.systemUTC(), "test")) {
            service(fixture, audit).apply(v1, TenantId.of("customer"), "cli", "admin");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xss4m", "-cp", System.getProperty("java.class.path"),
                ApplyThenHalt.class.getName(),
                fixture.contentDir.toString(), auditDir.toString(), v2.toString(), haltAt.name(), fixture.repo.now.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + haltAt + ".log").toFile()).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the applying process did not end within 60 s");
        assertEquals(137, child.exitValue(), "the process should have halted at " + haltAt);

        try (AuditTrail audit = new AuditTrail(auditDir, Clock.systemUTC(), "test")) {
            UpdateService restarted = service(fixture, audit);
            Path current = restarted.currentContent().orElseThrow();
            String rule = Files.readString(current.resolve("rules/sigma/a.yml"));
            assertEquals(haltAt == ApplyStep.SWITCHED ? NEW_RULE : ContentFixture.RULE, rule);
            assertEquals(7, countFiles(current), "every file of one version, none of the other");
            try (Stream<Path> left = Files.list(fixture.contentDir)) {
                assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("staging-")).toList());
            }
            assertTrue(audit.verify().valid(), "the audit trail verifies after the halt");
        }
    }

    private static UpdateService service(ContentFixture fixture, AuditTrail audit) {
        return new UpdateService(fixture.contentDir, List.of(new RuleContentValidator(), new ModelContentValidator(),
                new ConnectorContentValidator(), new IntelContentValidator()), audit,
                Clock.fixed(fixture.repo.now, ZoneOffset.UTC), ApplyObserver.NONE);
    }

    private static long countFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
