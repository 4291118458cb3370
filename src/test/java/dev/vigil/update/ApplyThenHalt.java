package dev.vigil.update;

import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Run in a separate JVM by {@link PowerLossApplyTest}: applies a bundle and halts the JVM at the named step, as a
 * power cut would (no finally blocks, no shutdown hooks, no clean-up). Arguments: content dir, audit dir, bundle,
 * step, the fixed clock's instant.
 */
public final class ApplyThenHalt {

    private ApplyThenHalt() {
    }

    public static void main(String[] args) {
        Path contentDir = Path.of(args[0]);
        ApplyStep haltAt = ApplyStep.valueOf(args[3]);
        Clock clock = Clock.fixed(Instant.parse(args[4]), ZoneOffset.UTC);
        AuditTrail audit = new AuditTrail(Path.of(args[1]), clock, "test");
        UpdateService service = new UpdateService(contentDir, List.of(new RuleContentValidator(), new ModelContentValidator(),
                new ConnectorContentValidator(), new IntelContentValidator()), audit, clock, step -> {
                    if (step == haltAt) {
                        System.out.println("halting at " + step);
                        System.out.flush();
                        Runtime.getRuntime().halt(137);
                    }
                });
        service.apply(Path.of(args[2]), TenantId.of("customer"), "cli", "admin");
        Runtime.getRuntime().halt(0);
    }
}
