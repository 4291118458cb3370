package dev.vigil.analyst.triage;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Triage inference throughput (run with {@code -Pbench}; see docs/performance.md): the shipped model through one
 * ONNX Runtime session in batches of 1, 64 and 512, against scoring the same vectors with the model's Java form in
 * the same run (the baseline). Feature gathering (database reads) is not included; it is measured separately as
 * the cost per alert of {@link TriageService#score}.
 */
class TriageBenchmark {

    @Test
    void measure() throws Exception {
        TriageManifest.Loaded loaded = TriageManifest.load(Path.of("appliance/models/triage"));
        TriageModel model = TriageModel.fromOnnx(loaded.artifact(), FeatureSchema.CURRENT);
        int n = Integer.getInteger("bench.alerts", 200_000);
        Random r = new Random(7);
        float[][] vectors = new float[n][FeatureSchema.CURRENT.size()];
        for (float[] v : vectors) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) r.nextGaussian();
            }
        }
        StringBuilder report = new StringBuilder("| measurement | alerts | seconds | alerts/s | ratio to baseline |\n|---|---:|---:|---:|---:|\n");
        double baseline = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up
            report.setLength(report.indexOf("\n|---") + "\n|---|---:|---:|---:|---:|\n".length());
            long t0 = System.nanoTime();
            double sink = 0;
            for (float[] v : vectors) {
                sink += model.score(v);
            }
            baseline = n / ((System.nanoTime() - t0) / 1e9);
            row(report, "Java scoring, 1 thread (baseline)", n, (System.nanoTime() - t0) / 1e9, baseline);
            try (TriageSession session = new TriageSession(loaded.artifact(), FeatureSchema.CURRENT.size())) {
                for (int batch : new int[] {1, 64, 512}) {
                    int count = batch == 1 ? n / 10 : n;
                    long start = System.nanoTime();
                    for (int i = 0; i < count; i += batch) {
                        float[][] slice = java.util.Arrays.copyOfRange(vectors, i, Math.min(count, i + batch));
                        sink += session.score(slice)[0];
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    row(report, "ONNX Runtime, 1 session, batches of " + batch, count, seconds, baseline);
                }
            }
            if (sink == 42) {
                System.out.println(); // keeps the JIT from dropping the work
            }
        }
        System.out.println(report);
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.createDirectories(Path.of(out).toAbsolutePath().getParent());
            Files.writeString(Path.of(out), report);
        }
    }

    private static void row(StringBuilder report, String what, int n, double seconds, double baseline) {
        report.append(String.format(java.util.Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %.3f |%n", what, n, seconds,
                n / seconds, (n / seconds) / baseline));
    }
}
