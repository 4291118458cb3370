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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An apply stopped dead at each step (the process dies: nothing after the step runs in that process), then the
 * appliance restarts on the same data: the current content is wholly the old or wholly the new, and nothing half-made
 * is left.
 */
class InterruptedApplyTest {

    private static final String NEW_RULE = ContentFixture.RULE.replace("burst", "storm");

    @TempDir
    Path dir;

    /** Stands for the process dying at a step: unwinds past everything, like a halt, except the staging clean-up. */
    private static final class Died extends Error {
    }

    @ParameterizedTest
    @EnumSource(ApplyStep.class)
    void afterARestartTheContentIsWhollyOldOrWhollyNew(ApplyStep diesAt) throws IOException {
        ContentFixture fixture = new ContentFixture(dir);
        Path v1 = fixture.bundle(fixture.content("c1", ContentFixture.RULE), 1);
        Path v2 = fixture.bundle(fixture.content("c2", NEW_RULE), 2);
        try (AuditTrail audit = new AuditTrail(dir.resolve("data/audit"), Clock.systemUTC(), "test")) {
            service(fixture, audit, ApplyObserver.NONE).apply(v1, TenantId.of("customer"), "cli", "admin");
            UpdateService dying = service(fixture, audit, step -> {
                if (step == diesAt) {
                    throw new Died();
                }
            });
            assertThrows(Died.class, () -> dying.apply(v2, TenantId.of("customer"), "cli", "admin"));
            UpdateService restarted = service(fixture, audit, ApplyObserver.NONE);
            Path current = restarted.currentContent().orElseThrow();
            String rule = Files.readString(current.resolve("rules/sigma/a.yml"));
            assertEquals(diesAt == ApplyStep.SWITCHED ? NEW_RULE : ContentFixture.RULE, rule);
            assertEquals(7, countFiles(current), "every file of one version, none of the other");
            try (Stream<Path> left = Files.list(fixture.contentDir)) {
                assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("staging-")).toList());
            }
        }
    }

    private static UpdateService service(ContentFixture fixture, AuditTrail audit, ApplyObserver observer) {
        return new UpdateService(fixture.contentDir, List.of(new RuleContentValidator(), new ModelContentValidator(),
                new ConnectorContentValidator(), new IntelContentValidator()), audit,
                Clock.fixed(fixture.repo.now, ZoneOffset.UTC), observer);
    }

    private static long countFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
