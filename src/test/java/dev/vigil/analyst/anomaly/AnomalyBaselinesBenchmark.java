package dev.vigil.analyst.anomaly;

import dev.vigil.appliance.ApplianceProperties;
import dev.vigil.appliance.FirstStart;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantKind;
import dev.vigil.tenancy.TenantRegistry;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Anomaly baseline benchmarks (run with {@code -Pbench}; see docs/performance.md): the per-event cost of each
 * baseline with JMH, as a ratio to a bare hash-map counter increment measured in the same run; and the time to save
 * and load one large tenant's snapshot on a real H2 file.
 */
class AnomalyBaselinesBenchmark {

    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path tmp;

    @Test
    void measure() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(AnomalyEvaluation.class.getName())
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xss4m").build()).run();
        double baseline = results.stream().filter(r -> r.getParams().getBenchmark().endsWith("counterIncrementBaseline"))
                .findFirst().orElseThrow().getPrimaryResult().getScore();
        StringBuilder report = new StringBuilder("| measurement | result | ratio to the counter increment |\n|---|---:|---:|\n");
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            report.append(String.format("| %s (JMH, average) | %.1f ± %.1f ns | %.2f |%n",
                    r.getParams().getBenchmark().replaceAll(".*\\.", ""), score, r.getPrimaryResult().getScoreError(),
                    score / baseline));
        }
        report.append(snapshot());
        Path out = Path.of(System.getProperty("bench.out", "target/bench/anomaly.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** 10,000 volume hosts, 5,000 users with 5 sources, 1,000 process hosts with 50 pairs: save, then load. */
    private String snapshot() {
        Instant t0 = Instant.parse("2026-03-01T12:00:00Z");
        VolumeBaselines volumes = new VolumeBaselines(Duration.ofMinutes(10), 36, 4, 100, 0.05, 10_000);
        LogonSourceBaselines logons = new LogonSourceBaselines(20, 10_000, 200, 10_000, Duration.ofMinutes(30));
        ProcessBaselines processes = new ProcessBaselines(200, 10_000, 5_000);
        for (int i = 0; i < 10_000; i++) {
            volumes.count(ACME, "ws-" + i, t0);
            volumes.count(ACME, "ws-" + i, t0.plus(Duration.ofMinutes(10)));
        }
        for (int u = 0; u < 5_000; u++) {
            for (int s = 0; s < 5; s++) {
                logons.success(ACME, "user" + u, "10.0." + s + "." + (u % 250), t0);
            }
        }
        for (int h = 0; h < 1_000; h++) {
            for (int p = 0; p < 50; p++) {
                processes.learn(ACME, "ws-" + h, "C:\\tools\\tool" + p + ".exe", "C:\\Windows\\explorer.exe");
            }
        }
        TenantBaselines big = new TenantBaselines(processes.export(ACME), logons.export(ACME), volumes.export(ACME), 1, 1);
        Map<String, Object> props = ApplianceProperties.forDataDir(tmp.resolve("data"), "h2");
        props.put("micronaut.server.port", -1);
        try (ApplicationContext ctx = ApplicationContext.run(props, "test")) {
            ctx.getBean(FirstStart.class).run();
            ctx.getBean(TenantRegistry.class).ensure(ACME, "Acme", TenantKind.CUSTOMER);
            BaselineSnapshots snapshots = ctx.getBean(BaselineSnapshots.class);
            snapshots.save(ACME, big); // warm-up
            long start = System.nanoTime();
            snapshots.save(ACME, big);
            long saved = System.nanoTime();
            TenantBaselines loaded = snapshots.load(ACME);
            long done = System.nanoTime();
            if (!loaded.equals(big)) {
                throw new AssertionError("the snapshot did not load back unchanged");
            }
            int rows = big.processes().size() + big.logons().size() + big.volumes().size() + 1;
            return String.format("| snapshot of one tenant, %,d entities (10,000 volume hosts, 5,000 users × 5 sources, "
                    + "1,000 hosts × 50 pairs), H2: save | %.2f s | |%n| the same snapshot: load | %.2f s | |%n",
                    rows, (saved - start) / 1e9, (done - saved) / 1e9);
        }
    }
}
