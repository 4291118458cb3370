package dev.vigil.control;

import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kill-switch benchmarks (run with {@code -Pbench}; see docs/performance.md): the evaluation cost on the hot path with
 * JMH, and the time from a flip to the last evaluation that still saw the old state, measured by reader threads
 * evaluating continuously while the switch is flipped.
 */
class SwitchBenchmark {

    @TempDir
    Path tmp;

    @Test
    void measure() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(SwitchEvaluation.class.getName())
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xss4m").build()).run();
        StringBuilder report = new StringBuilder("| measurement | result |\n|---|---:|\n");
        for (RunResult r : results) {
            report.append(String.format("| %s (JMH, average) | %.1f ± %.1f ns |%n", r.getParams().getBenchmark().replaceAll(".*\\.", ""),
                    r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
        }
        report.append(flipToEffect());
        Path out = Path.of(System.getProperty("bench.out", "target/bench/switches.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Flips a switch 20 times while two threads evaluate it; reports the worst time an old answer was still served. */
    private String flipToEffect() throws Exception {
        TenantId acme = TenantId.of("acme");
        Files.writeString(tmp.resolve("switches.json"), "{\"settings\":[]}");
        try (AuditTrail audit = new AuditTrail(tmp.resolve("audit"), Clock.systemUTC(), "bench")) {
            KillSwitches switches = new KillSwitches(new SwitchStore(tmp.resolve("switches.json")), audit, Clock.systemUTC(), new InFlightWork());
            SwitchTarget target = new SwitchTarget(AiFeature.TRIAGE_MODEL, acme, null, null);
            AtomicBoolean expected = new AtomicBoolean(true);
            AtomicLong flippedAt = new AtomicLong();
            AtomicLong worstNanos = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        long before = System.nanoTime();
                        boolean seen = switches.state(AiFeature.TRIAGE_MODEL, acme).enabled();
                        long flipped = flippedAt.get();
                        if (seen != expected.get() && flipped != 0 && before > flipped) {
                            worstNanos.accumulateAndGet(before - flipped, Math::max);
                        }
                    }
                }));
            }
            for (int i = 0; i < 20; i++) {
                Thread.sleep(50);
                boolean next = !expected.get();
                switches.set(target, next, "bench flip " + i, "bench", "admin", acme, false);
                expected.set(next);
                flippedAt.set(System.nanoTime());
            }
            running.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
            return String.format("| flip to last old answer, worst of 20 flips with 2 readers | %.3f ms |%n", worstNanos.get() / 1e6);
        }
    }
}
