package dev.vigil.control;

import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * JMH state and benchmarks for {@link SwitchBenchmark}: the cost of one kill-switch evaluation on the hot path, with
 * no setting, and with settings at every scope so the narrowest-wins lookup does real work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SwitchEvaluation {

    private static final TenantId ACME = TenantId.of("acme");

    private Path dir;
    private AuditTrail audit;
    private KillSwitches empty;
    private KillSwitches scoped;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("switch-bench");
        audit = new AuditTrail(dir.resolve("audit"), Clock.systemUTC(), "bench");
        for (String store : new String[] {"empty", "scoped"}) {
            Files.createDirectories(dir.resolve(store));
            Files.writeString(dir.resolve(store).resolve("switches.json"), "{\"settings\":[]}");
        }
        empty = new KillSwitches(new SwitchStore(dir.resolve("empty/switches.json")), audit, Clock.systemUTC(), new InFlightWork());
        scoped = new KillSwitches(new SwitchStore(dir.resolve("scoped/switches.json")), audit, Clock.systemUTC(), new InFlightWork());
        scoped.set(new SwitchTarget(AiFeature.TRIAGE_MODEL, null, null, null), true, "bench", "bench", "admin", ACME, false);
        scoped.set(new SwitchTarget(AiFeature.TRIAGE_MODEL, ACME, null, null), true, "bench", "bench", "admin", ACME, false);
        scoped.set(new SwitchTarget(AiFeature.TRIAGE_MODEL, ACME, "site-a", null), false, "bench", "bench", "admin", ACME, false);
        scoped.set(new SwitchTarget(AiFeature.TRIAGE_MODEL, ACME, null, "triage@6"), false, "bench", "bench", "admin", ACME, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        audit.close();
    }

    @Benchmark
    public boolean noSettings() {
        return empty.state(AiFeature.TRIAGE_MODEL, ACME, "site-b", "triage@7").enabled();
    }

    @Benchmark
    public boolean settingsAtEveryScope() {
        return scoped.state(AiFeature.TRIAGE_MODEL, ACME, "site-b", "triage@7").enabled();
    }
}
