package dev.vigil.audit;

import dev.vigil.audit.note.NoteSigner;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Audit chain throughput (run with {@code -Pbench}; see docs/performance.md): appends with checkpoints on (1, 8 and 64
 * appending threads, and batches of 100 records per call; every append is fsync'd, concurrent ones share fsyncs), reopening (rehash) and verifying an
 * export of a million entries offline. Not a test: it reports, it asserts only that the results are valid.
 */
class AuditBenchmark {

    @TempDir
    Path tmp;

    @Test
    void measure() throws Exception {
        int total = Integer.getInteger("bench.auditEntries", 1_000_000);
        Path dir = tmp.resolve("audit");
        NoteSigner signer = AuditSigningKey.loadOrCreate(dir, "checkpoint", "vigil.bench/audit");
        StringBuilder report = new StringBuilder("| measurement | entries | seconds | entries/s |\n|---|---:|---:|---:|\n");
        try (AuditTrail trail = new AuditTrail(dir, Clock.systemUTC(), "2026-1");
             AuditCheckpointer checkpointer = new AuditCheckpointer(trail, signer, new CheckpointStore(dir),
                     Clock.systemUTC(), Duration.ofSeconds(5), 1000)) {
            checkpointer.start();
            row(report, "append, 1 thread, checkpoints every 1000 entries / 5 s", 20_000, () -> append(trail, 1, 20_000));
            row(report, "append, 8 threads, checkpoints every 1000 entries / 5 s", 100_000, () -> append(trail, 8, 100_000));
            row(report, "appendAll, 1 thread, 100 records per call", 100_000, () -> appendBatches(trail, 100_000, 100));
            row(report, "append, 64 threads, checkpoints every 1000 entries / 5 s", total - 220_000,
                    () -> append(trail, 64, total - 220_000));
            checkpointer.signNow();
        }
        long[] reopened = new long[1];
        row(report, "reopen (rehash the trail into the tree)", total, () -> {
            try (AuditTrail trail = new AuditTrail(dir, Clock.systemUTC(), "2026-1")) {
                reopened[0] = trail.size();
            }
        });
        Path export = tmp.resolve("export.zip");
        row(report, "export", total, () -> AuditExport.write(dir.resolve("trail.log"), new CheckpointStore(dir).all(),
                signer.verifierKey().encoded(), export));
        AuditLogVerifier.LogVerification[] result = new AuditLogVerifier.LogVerification[1];
        row(report, "offline verify of the export (chain, tree, every checkpoint)", total,
                () -> result[0] = AuditExport.verify(export, signer.verifierKey(), null));
        if (!result[0].valid() || reopened[0] != total) {
            throw new AssertionError("benchmark produced an invalid log: " + result[0]);
        }
        report.append("\ntrail ").append(Files.size(dir.resolve("trail.log")) >> 20).append(" MiB, export ")
                .append(Files.size(export) >> 20).append(" MiB, ").append(result[0].checkpoints()).append(" checkpoints\n");
        System.out.println(report);
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.createDirectories(Path.of(out).toAbsolutePath().getParent());
            Files.writeString(Path.of(out), report);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void row(StringBuilder report, String what, long entries, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        report.append(String.format("| %s | %,d | %.2f | %,.0f |%n", what, entries, seconds, entries / seconds));
    }

    private static void appendBatches(AuditTrail trail, int n, int perCall) {
        List<AuditRecord> batch = new ArrayList<>(perCall);
        for (int i = 0; i < n; i++) {
            batch.add(record(0, i));
            if (batch.size() == perCall) {
                trail.appendAll(batch);
                batch.clear();
            }
        }
        trail.appendAll(batch);
    }

    private static AuditRecord record(int thread, int i) {
        return new AuditRecord("analyst-" + thread, "analyst", TenantId.of("customer"), "alert.close",
                "alert-" + thread + "-" + i, "{\"state\":\"open\"}", "{\"state\":\"closed\",\"verdict\":\"benign\"}");
    }

    private static void append(AuditTrail trail, int threads, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = n / threads + (t < n % threads ? 1 : 0);
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    trail.append(record(thread, i));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }
}
