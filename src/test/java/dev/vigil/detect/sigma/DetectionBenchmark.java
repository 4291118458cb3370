package dev.vigil.detect.sigma;

import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.Framed;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;
import dev.vigil.simulate.AttackKind;
import dev.vigil.simulate.SimulationOptions;
import dev.vigil.simulate.Simulator;
import dev.vigil.tenancy.TenantId;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Detection throughput: {@link SigmaEngine#evaluate} over a mixed Windows event stream with 100, 1,000 and all SigmaHQ
 * rules, on one and two threads, against baselines measured in the same run (run with {@code -Pbench}; see
 * docs/performance.md). Not a test: it asserts nothing about speed, it reports.
 *
 * <p>The stream: benign Windows Sysmon and Security events from {@code vigil simulate} (no attack chains) with, mixed
 * in at one event in twenty, SigmaHQ's regression events (each raises its rule), all normalised by windows-json and
 * shuffled with a fixed seed. Rule subsets are the first N of the Windows rules in a seeded shuffle, so they are spread
 * over the log sources rather than all {@code builtin/}; "all" is every SigmaHQ rule set.
 */
class DetectionBenchmark {

    private static final TenantId TENANT = TenantId.of("bench");
    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void measure() throws Exception {
        int hosts = Integer.getInteger("bench.hosts", 40);
        int passes = Integer.getInteger("bench.passes", 3);
        Path out = Path.of(System.getProperty("bench.out", "target/bench/detection.md")).toAbsolutePath();
        Files.createDirectories(out.getParent());
        Connector windows = ConnectorRegistry.load(Path.of("connectors")).get("windows-json");
        List<Record> records = stream(windows, hosts);
        int n = records.size();

        long t0 = System.nanoTime();
        List<NormalizedEvent> events = normalise(windows, records);
        double firstNormalise = seconds(t0);

        List<RuleSource> all = SigmaCorpus.allRuleSets();
        List<RuleSource> windowsRules = new ArrayList<>(all.stream().filter(s -> s.origin().startsWith("rules/windows/")).toList());
        Collections.shuffle(windowsRules, new Random(42));
        StringBuilder report = new StringBuilder();
        report.append("| measurement | rules enabled | threads | events/s (median of ").append(passes)
                .append(") | ratio to normalisation | ratio to 100 rules | matches |\n|---|---:|---:|---:|---:|---:|---:|\n");

        double normaliseRate = median(passes, () -> {
            long s = System.nanoTime();
            normalise(windows, records);
            return n / seconds(s);
        });
        double noop = rate(events, 1, passes, e -> e.fields().size());
        row(report, "no-op loop over the normalised events", "-", 1, noop, normaliseRate, Double.NaN, -1);
        row(report, "(a) normalisation alone, windows-json (baseline)", "-", 1, normaliseRate, normaliseRate, Double.NaN, -1);

        double[] perThread100 = new double[3];
        for (String subset : List.of("100", "1000", "all")) {
            List<RuleSource> sources = subset.equals("all") ? all : windowsRules.subList(0, Integer.parseInt(subset));
            long c0 = System.nanoTime();
            SigmaEngine engine = SigmaEngine.compile(sources, EngineOptions.DEFAULTS);
            double compile = seconds(c0);
            long matches = events.stream().mapToLong(e -> engine.evaluate(e).size()).sum();
            for (int threads = 1; threads <= 2; threads++) {
                double r = rate(events, threads, passes, e -> engine.evaluate(e).size());
                if (subset.equals("100")) {
                    perThread100[threads] = r;
                }
                row(report, "evaluate, " + subset + " rules (compiled in " + String.format("%.1f", compile) + " s)",
                        String.format("%,d", engine.enabledCount()), threads, r, normaliseRate, r / perThread100[threads], matches);
            }
            if (subset.equals("all")) {
                double combined = median(passes, () -> {
                    long s = System.nanoTime();
                    for (NormalizedEvent e : normalise(windows, records)) {
                        engine.evaluate(e);
                    }
                    return n / seconds(s);
                });
                row(report, "normalise + evaluate, all rules", String.format("%,d", engine.enabledCount()), 1, combined, normaliseRate,
                        Double.NaN, matches);
                report.append("\n").append(profile(engine, events, out.resolveSibling("detection-all-rules.jfr")));
            }
        }
        String text = "Stream: " + n + " Windows events (" + hosts + " simulated hosts, 24 h, benign, plus SigmaHQ regression"
                + " events at 1 in 20), normalised once in " + String.format("%.1f", firstNormalise) + " s; machine: "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + "\n\n" + report;
        Files.writeString(out, text);
        System.out.println(text);
    }

    /** One raw record of the stream and the file it came from. */
    private record Record(String payload, String source) {
    }

    /** Benign simulated Windows records with the regression events mixed in at one in twenty, in a seeded order. */
    private List<Record> stream(Connector windows, int hosts) throws Exception {
        Path scenario = tmp.resolve("scenario");
        Simulator.writeTo(scenario, new SimulationOptions(11, hosts, Duration.ofHours(24), SimulationOptions.DEFAULT_START,
                EnumSet.noneOf(AttackKind.class)));
        List<Record> benign = new ArrayList<>();
        for (String file : List.of("windows-sysmon.ndjson", "windows-security.ndjson")) {
            for (Framed f : windows.frameDocument(Files.readString(scenario.resolve(file)))) {
                benign.add(new Record(f.payload(), file));
            }
        }
        List<Record> regression = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SigmaCorpus.need(SigmaCorpus.SIGMA.resolve("regression_data")))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (Framed f : windows.frameDocument(Files.readString(file))) {
                    regression.add(new Record(f.payload(), file.getFileName().toString()));
                }
            }
        }
        List<Record> mixed = new ArrayList<>(benign);
        for (int i = 0; i < benign.size() / 19; i++) {
            mixed.add(regression.get(i % regression.size()));
        }
        Collections.shuffle(mixed, new Random(7));
        return mixed;
    }

    private static List<NormalizedEvent> normalise(Connector windows, List<Record> records) {
        List<NormalizedEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            events.add(windows.normalize(new RawEvent(i + 1, TENANT, windows.name(), r.source(), RECEIVED, r.payload())));
        }
        return events;
    }

    /** Events per second over the whole list, split into contiguous halves for two threads; median of the passes after a warm-up. */
    private static double rate(List<NormalizedEvent> events, int threads, int passes, ToLongFunction<NormalizedEvent> work)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double[] rates = new double[passes + 1];
            long[] blackhole = new long[1];
            for (int p = 0; p <= passes; p++) {
                long s = System.nanoTime();
                List<Future<Long>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<NormalizedEvent> part = events.subList(t * events.size() / threads, (t + 1) * events.size() / threads);
                    parts.add(pool.submit(() -> {
                        long sum = 0;
                        for (NormalizedEvent e : part) {
                            sum += work.applyAsLong(e);
                        }
                        return sum;
                    }));
                }
                for (Future<Long> f : parts) {
                    blackhole[0] += f.get();
                }
                rates[p] = events.size() / seconds(s);
            }
            double[] timed = Arrays.copyOfRange(rates, 1, rates.length);
            Arrays.sort(timed);
            return blackhole[0] == Long.MIN_VALUE ? 0 : timed[timed.length / 2];
        } finally {
            pool.shutdown();
        }
    }

    private interface Pass {
        double run() throws Exception;
    }

    private static double median(int passes, Pass pass) throws Exception {
        pass.run();
        double[] rates = new double[passes];
        for (int p = 0; p < passes; p++) {
            rates[p] = pass.run();
        }
        Arrays.sort(rates);
        return rates[passes / 2];
    }

    /**
     * Where the all-rules time goes: the cost of building the prefilter's input (the event view's lower-cased values),
     * measured alone, and a JFR recording of one single-threaded pass, written next to the report, whose
     * hottest methods are listed.
     */
    private static String profile(SigmaEngine engine, List<NormalizedEvent> events, Path jfr) throws Exception {
        double prefilterInput = rate(events, 1, 3, e -> new EventView(e).allLowered().length);
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            for (int pass = 0; pass < 3; pass++) {
                for (NormalizedEvent e : events) {
                    engine.evaluate(e);
                }
            }
            recording.stop();
            recording.dump(jfr);
        }
        return String.format("Profile, all rules, 1 thread: building the prefilter input alone (the EventView's lower-cased"
                + " values) runs at %,.0f events/s; JFR recording of 3 passes: %s (summarise with `jfr view hot-methods`)%n",
                prefilterInput, jfr);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void row(StringBuilder out, String what, String rules, int threads, double rate, double baseline,
                            double to100, long matches) {
        out.append(String.format("| %s | %s | %d | %,.0f | %.2f | %s | %s |%n", what, rules, threads, rate, rate / baseline,
                Double.isNaN(to100) ? "-" : String.format("%.2f", to100), matches < 0 ? "-" : String.format("%,d", matches)));
    }
}
