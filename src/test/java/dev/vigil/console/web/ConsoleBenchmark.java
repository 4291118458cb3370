package dev.vigil.console.web;

import dev.vigil.appliance.RunningAppliance;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.Framed;
import dev.vigil.console.ConsoleBrowser;
import dev.vigil.detect.RuleLevel;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;
import dev.vigil.simulate.AttackKind;
import dev.vigil.simulate.SimulationOptions;
import dev.vigil.simulate.Simulator;
import dev.vigil.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Server time of each console page with many events stored (default 1,000,000; {@code -Dbench.consoleEvents=10000000}
 * for the 10 million), measured in-process through a real HTTP client on a running appliance, against a
 * baseline measured in the same run: the REST API call(s) that return the same data. Not a test: it reports (run with
 * {@code -Pbench -Dtest=ConsoleBenchmark}; see docs/performance.md).
 */
class ConsoleBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 40;

    @TempDir
    Path tmp;

    /** A page and the API calls that carry the same data. */
    private record Pair(String name, String page, List<String> api) {
    }

    @Test
    void measure() throws Exception {
        long total = Long.getLong("bench.consoleEvents", 1_000_000L);
        try (RunningAppliance vigil = new RunningAppliance(tmp.resolve("data"), Map.of())) {
            double loadSeconds = load(vigil, total);
            ConsoleFixture fixture = new ConsoleFixture(vigil);
            RuleLevel[] levels = RuleLevel.values();
            for (int i = 0; i < 300; i++) {
                fixture.raiseAlert("Benchmark alert " + (i % 40), levels[i % levels.length]);
            }
            ConsoleBrowser admin = fixture.signedIn("admin");
            String cookie = admin.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            String q = URLEncoder.encode("EventID:4625", StandardCharsets.UTF_8);
            List<Pair> pairs = List.of(
                    new Pair("overview", "/", List.of("/api/v1/status", "/api/v1/alerts?limit=1000",
                            "/api/v1/aggregations/top?field=%40connector&since=1h&size=6",
                            "/api/v1/aggregations/histogram?since=1h&interval=1m",
                            "/api/v1/aggregations/top?field=host.name&since=1h",
                            "/api/v1/aggregations/top?field=hostname&since=1h",
                            "/api/v1/aggregations/top?field=Computer&since=1h", "/api/v1/switches")),
                    new Pair("search, all events, 24 h", "/search", List.of("/api/v1/search?since=24h&limit=50",
                            "/api/v1/aggregations/histogram?since=24h&interval=30m")),
                    new Pair("search, EventID:4625, 24 h", "/search?q=" + q, List.of("/api/v1/search?since=24h&limit=50&q=" + q,
                            "/api/v1/aggregations/histogram?since=24h&interval=30m&q=" + q)),
                    new Pair("alerts (queue with triage)", "/alerts", List.of("/api/v1/alerts?status=new&limit=500",
                            "/api/v1/alerts?status=acknowledged&limit=500")),
                    new Pair("incidents", "/incidents", List.of("/api/v1/incidents")),
                    new Pair("models (registry)", "/models", List.of("/api/v1/models", "/api/v1/switches")),
                    new Pair("rules", "/rules", List.of("/api/v1/rules")),
                    new Pair("connectors", "/connectors", List.of("/api/v1/status", "/api/v1/tokens")),
                    new Pair("audit", "/audit", List.of("/api/v1/audit?limit=200", "/api/v1/audit/checkpoint")),
                    new Pair("kill switches", "/switches", List.of("/api/v1/switches")),
                    new Pair("updates", "/updates", List.of("/api/v1/updates/history")),
                    new Pair("consent & fleet", "/consent", List.of("/api/v1/consent", "/api/v1/data-use", "/api/v1/fleet/status")));
            HttpClient http = HttpClient.newHttpClient();
            StringBuilder report = new StringBuilder("Console pages with " + total + " events stored over the last 24 h (loaded in "
                    + String.format("%.0f", loadSeconds) + " s) and 300 alerts; " + RUNS + " requests each after " + WARM_UP
                    + " warm-up, one client, " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version()
                    + "\n\n| page | page p50 ms | page p95 ms | API p50 ms (same data) | ratio p50 |\n|---|---:|---:|---:|---:|\n");
            for (Pair p : pairs) {
                long[] page = time(http, vigil.base, List.of(p.page()), "Cookie", cookie, "text/html");
                long[] api = time(http, vigil.base, p.api(), "Authorization", "Bearer " + vigil.adminToken, "application/json");
                report.append(String.format("| %s | %.1f | %.1f | %.1f | %.2f |%n", p.name(), ms(page[RUNS / 2]),
                        ms(page[RUNS * 95 / 100]), ms(api[RUNS / 2]), (double) page[RUNS / 2] / api[RUNS / 2]));
            }
            Path out = Path.of(System.getProperty("bench.out", "target/bench/console.md"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report.toString());
            System.out.println(report);
        }
    }

    /** Sorted nanoseconds of {@link #RUNS} rounds, each round all {@code paths} in sequence. */
    private static long[] time(HttpClient http, URI base, List<String> paths, String header, String value, String accept)
            throws Exception {
        long[] nanos = new long[RUNS];
        for (int round = -WARM_UP; round < RUNS; round++) {
            long start = System.nanoTime();
            for (String path : paths) {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(path)).header(header, value)
                        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
                }
            }
            if (round >= 0) {
                nanos[round] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** Stores {@code total} simulated events spread over the last 24 hours through the store's own add and commit. */
    private double load(RunningAppliance vigil, long total) throws Exception {
        Path scenario = tmp.resolve("scenario");
        Simulator.writeTo(scenario, new SimulationOptions(3, 30, Duration.ofHours(6), SimulationOptions.DEFAULT_START,
                EnumSet.allOf(AttackKind.class)));
        ConnectorRegistry registry = ConnectorRegistry.load(Path.of("connectors"));
        List<NormalizedEvent> pool = new ArrayList<>();
        try (var files = Files.list(scenario)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String connector = name.startsWith("windows-") ? "windows-json" : name.startsWith("linux-auth") ? "linux-auth"
                        : name.startsWith("suricata") ? "suricata-eve" : name.startsWith("zeek-") ? "zeek-json" : null;
                if (connector != null) {
                    for (Framed f : registry.get(connector).frameDocument(Files.readString(file))) {
                        pool.add(registry.get(connector).normalize(new RawEvent(0, ConsoleFixture.TENANT, connector, "bench",
                                Instant.now(), f.payload())));
                    }
                }
            }
        }
        EventStore store = vigil.context.getBean(EventStore.class);
        Instant end = Instant.now();
        long span = Duration.ofHours(24).toMillis();
        long t0 = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<?>> parts = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int worker = w;
            parts.add(workers.submit(() -> {
                for (long i = worker; i < total; i += 2) {
                    NormalizedEvent e = pool.get((int) (i % pool.size()));
                    Instant ts = end.minusMillis(1 + i * span / total);
                    // sequence 0: events that did not come through the spool (always added, never counted as replays)
                    store.add(new NormalizedEvent(0, e.tenant(), ts, ts, e.connector(), e.logSource(), e.fields(), e.raw(), e.parseError()));
                }
            }));
        }
        for (Future<?> p : parts) {
            p.get();
        }
        workers.shutdown();
        store.commit(store.durableSequence());
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
