package dev.vigil.audit.report;

import dev.vigil.audit.AuditCheckpointer;
import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditService;
import dev.vigil.audit.AuditSigningKey;
import dev.vigil.audit.AuditTrail;
import dev.vigil.audit.CheckpointStore;
import dev.vigil.audit.MutableClock;
import dev.vigil.audit.note.NoteSigner;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Assessor report cost (run with {@code -Pbench}; see docs/performance.md): over a trail of two tenants spread over
 * 60 days, the time to write and to verify a 30-day report (median of five runs after one untimed), as ratios to the floor of reading the same entries from
 * the trail. Not a test: it reports, and asserts only that the report verifies.
 */
class AssessorReportBenchmark {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    @TempDir
    Path tmp;

    @Test
    void measure() throws Exception {
        int total = Integer.getInteger("bench.reportEntries", 200_000);
        int everyNth = Integer.getInteger("bench.reportDataUseEvery", 10);
        Instant start = Instant.parse("2026-09-01T00:00:00Z");
        MutableClock clock = new MutableClock(start);
        Path dir = tmp.resolve("audit");
        NoteSigner signer = AuditSigningKey.loadOrCreate(dir, "checkpoint", "vigil.bench/audit");
        StringBuilder out = new StringBuilder("| measurement | lines | seconds | ratio to (a) |\n|---|---:|---:|---:|\n");
        try (AuditTrail trail = new AuditTrail(dir, clock, "2026-1");
             AuditCheckpointer checkpointer = new AuditCheckpointer(trail, signer, new CheckpointStore(dir), clock,
                     Duration.ofHours(1), 1_000_000)) {
            fill(trail, clock, start, total, everyNth);
            checkpointer.signNow();
            AssessorReports reports = new AssessorReports(
                    new AuditService(trail, checkpointer, new CheckpointStore(dir), List::of), List.of(e -> Optional.empty()), clock);
            Instant to = start.plus(Duration.ofDays(60));
            Instant from = to.minus(Duration.ofDays(30));

            double read = seconds(() -> trail.entries(e -> e.tenant().equals(ACME) || e.tenant().isFleet(), Integer.MAX_VALUE).size());
            AssessorReport[] report = new AssessorReport[1];
            double build = seconds(() -> report[0] = reports.build(ACME, from, to));
            String[] json = new String[1];
            double write = seconds(() -> json[0] = report[0].toJson());
            AssessorReportVerifier.Result[] result = new AssessorReportVerifier.Result[1];
            double verify = seconds(() -> result[0] = AssessorReportVerifier.verify(AssessorReport.parse(json[0]), signer.verifierKey()));
            if (!result[0].valid()) {
                throw new AssertionError("the benchmark's report does not verify: " + result[0].problems());
            }
            int lines = report[0].lines().size();
            row(out, "(a) read the tenant's and the fleet's entries from the trail (baseline)", lines, read, read);
            row(out, "(b) build the report: read, select, derive, one inclusion proof per line", lines, build, read);
            row(out, "(c) write the report as JSON", lines, write, read);
            row(out, "(d) parse and verify the report offline", lines, verify, read);
            out.append(String.format("%ntrail %,d entries (%,d MiB), report %,d lines, %,d KiB of JSON (%,d bytes a line)%n",
                    total, Files.size(dir.resolve("trail.log")) >> 20, lines, json[0].length() >> 10,
                    lines == 0 ? 0 : json[0].length() / lines));
        }
        System.out.println(out);
        String file = System.getProperty("bench.out");
        if (file != null) {
            Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
            Files.writeString(Path.of(file), out);
        }
    }

    /** Two tenants alternate; every {@code everyNth} of acme's entries is a verdict, the rest acknowledgements. */
    private static void fill(AuditTrail trail, MutableClock clock, Instant start, int total, int everyNth) {
        long step = Duration.ofDays(60).toMillis() / total;
        List<AuditRecord> batch = new ArrayList<>(1000);
        trail.append(new AuditRecord("admin", "admin", ACME, "consent.grant", "model-training", null, "{}"));
        for (int i = 0; i < total; i++) {
            TenantId tenant = i % 2 == 0 ? ACME : GLOBEX;
            String action = (i / 2) % everyNth == 0 ? "alert.close" : "alert.acknowledge";
            batch.add(new AuditRecord("analyst", "analyst", tenant, action, "A-" + i, "{\"status\":\"NEW\"}",
                    "{\"status\":\"CLOSED\",\"verdict\":\"TRUE_POSITIVE\"}"));
            if (batch.size() == 1000) {
                clock.set(start.plusMillis(step * i));
                trail.appendAll(batch);
                batch.clear();
            }
        }
        trail.appendAll(batch);
    }

    /** The median of five timed runs, after one untimed run. */
    private static double seconds(Supplier<Object> work) {
        work.get();
        double[] runs = new double[5];
        for (int i = 0; i < runs.length; i++) {
            long began = System.nanoTime();
            work.get();
            runs[i] = (System.nanoTime() - began) / 1e9;
        }
        java.util.Arrays.sort(runs);
        return runs[runs.length / 2];
    }

    private static void row(StringBuilder out, String what, int lines, double seconds, double baseline) {
        out.append(String.format("| %s | %,d | %.3f | %.2f |%n", what, lines, seconds, seconds / baseline));
    }
}
