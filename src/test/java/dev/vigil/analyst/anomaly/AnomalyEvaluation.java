package dev.vigil.analyst.anomaly;

import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * JMH state and benchmarks for {@link AnomalyBaselinesBenchmark}: the per-event cost of each baseline on warmed-up
 * state (1,000 hosts or users of one tenant), against the baseline of a bare counter increment in a hash map.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AnomalyEvaluation {

    private static final TenantId ACME = TenantId.of("acme");
    private static final int ENTITIES = 1_000;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final String[] names = new String[ENTITIES];
    private final Map<String, long[]> counters = new HashMap<>();
    private VolumeBaselines volumes;
    private LogonSourceBaselines logons;
    private ProcessBaselines processes;
    private NormalizedEvent sshd;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        volumes = new VolumeBaselines(Duration.ofMinutes(10), 36, 4, 100, 0.05, 10_000);
        logons = new LogonSourceBaselines(20, 10_000, 200, 10_000, Duration.ofMinutes(30));
        processes = new ProcessBaselines(200, 10_000, 5_000);
        for (int i = 0; i < ENTITIES; i++) {
            names[i] = "ws-" + i;
            counters.put(names[i], new long[1]);
            volumes.count(ACME, names[i], NOW);
            for (int s = 0; s < 5; s++) {
                logons.success(ACME, names[i], "10.0.0." + s, NOW);
            }
            processes.learn(ACME, names[i], "C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\System32\\services.exe");
        }
        sshd = new NormalizedEvent(1, ACME, NOW, NOW, "linux-auth", new LogSource("linux", "auth", null),
                Map.of("host.name", "bastion", "event.category", "authentication", "event.outcome", "success",
                        "user.name", "alice", "source.ip", "198.51.100.23", "event.action", "ssh_login"), "{}", null);
    }

    private String name() {
        next = next + 1 == ENTITIES ? 0 : next + 1;
        return names[next];
    }

    @Benchmark
    public long counterIncrementBaseline() {
        return ++counters.get(name())[0];
    }

    @Benchmark
    public Optional<VolumeBaselines.Spike> volumeCount() {
        return volumes.count(ACME, name(), NOW);
    }

    @Benchmark
    public Optional<LogonSourceBaselines.Finding> logonFromKnownSource() {
        return logons.success(ACME, name(), "10.0.0.3", NOW);
    }

    @Benchmark
    public Optional<ProcessBaselines.Finding> processKnownPair() {
        return processes.learn(ACME, name(), "C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\System32\\services.exe");
    }

    @Benchmark
    public Optional<Logon> readLogonFromEvent() {
        return Logon.of(sshd);
    }
}
