package dev.vigil.appliance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.Framed;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;
import dev.vigil.ingest.IndexingPipeline;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.simulate.AttackKind;
import dev.vigil.simulate.SimulationOptions;
import dev.vigil.simulate.Simulator;
import dev.vigil.store.EventQuery;
import dev.vigil.store.EventStore;
import dev.vigil.store.LuceneBaseline;
import dev.vigil.store.StoreSettings;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
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
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Ingest and search throughput, measured in one run on the same generated events (run with {@code -Pbench}; see
 * docs/performance.md). Not a test: it asserts nothing about speed, it reports.
 */
class IngestBenchmark {

    private static final TenantId TENANT = TenantId.of("customer");

    @TempDir
    Path tmp;

    private record Record(String connector, String payload) {
    }

    @Test
    void measure() throws Exception {
        int hosts = Integer.getInteger("bench.hosts", 250);
        long searchEvents = Long.getLong("bench.searchEvents", 10_000_000L);
        StringBuilder report = new StringBuilder();
        report.append("| measurement | events | seconds | events/s | ratio to (a) |\n|---|---:|---:|---:|---:|\n");

        Path scenario = tmp.resolve("scenario");
        Simulator.writeTo(scenario, new SimulationOptions(11, hosts, Duration.ofHours(24), SimulationOptions.DEFAULT_START,
                EnumSet.allOf(AttackKind.class)));
        ConnectorRegistry registry = ConnectorRegistry.load(Path.of("connectors"));
        List<Record> records = new ArrayList<>();
        try (var files = Files.list(scenario)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String connector = name.startsWith("windows-") ? "windows-json" : name.startsWith("linux-auth") ? "linux-auth"
                        : name.startsWith("linux-auditd") ? "linux-auditd" : name.startsWith("suricata") ? "suricata-eve"
                        : name.startsWith("zeek-") ? "zeek-json" : name.startsWith("aws-") ? "aws-cloudtrail" : null;
                if (connector != null) {
                    for (Framed f : registry.get(connector).frameDocument(Files.readString(file))) {
                        records.add(new Record(connector, f.payload()));
                    }
                }
            }
        }
        int n = records.size();
        Instant received = Instant.now();
        long t0 = System.nanoTime();
        List<NormalizedEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Record r = records.get(i);
            events.add(registry.get(r.connector()).normalize(new RawEvent(i + 1, TENANT, r.connector(), "bench", received, r.payload())));
        }
        double normaliseSeconds = seconds(t0);

        double a = LuceneBaseline.index(events, tmp.resolve("baseline")) / 1e9;
        double aRate = n / a;
        row(report, "(a) raw Lucene indexing of the same documents (baseline)", n, a, aRate);
        row(report, "normalisation alone (connectors, 1 thread)", n, normaliseSeconds, aRate);

        try (EventStore store = new EventStore(StoreSettings.defaults(tmp.resolve("store-only")))) {
            long s0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> parts = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int from = w * n / 2;
                int to = (w + 1) * n / 2;
                parts.add(pool.submit(() -> events.subList(from, to).forEach(store::add)));
            }
            for (Future<?> p : parts) {
                p.get();
            }
            store.commit(n);
            pool.shutdown();
            row(report, "store only (EventStore.add on 2 threads + commit)", n, seconds(s0), aRate);
        }

        try (RunningAppliance vigil = new RunningAppliance(tmp.resolve("http"), Map.of("vigil.syslog.connector", "linux-auth"))) {
            ExecutorService clients = Executors.newFixedThreadPool(4);
            long b0 = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            int batch = 5000;
            for (int from = 0; from < n; from += batch) {
                List<Record> slice = records.subList(from, Math.min(n, from + batch));
                sent.add(clients.submit(() -> postRecords(vigil, slice)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            double acked = seconds(b0);
            awaitIndexed(vigil);
            double b = seconds(b0);
            clients.shutdown();
            row(report, "(b) HTTP bulk: spool + fsync, parse, normalise, index (searchable)", n, b, aRate);
            row(report, "(b) of which: all acknowledged (durable in the spool)", n, acked, aRate);

            List<String> authLines = records.stream().filter(r -> r.connector().equals("linux-auth")).map(Record::payload).toList();
            int copies = Math.max(1, 200_000 / Math.max(1, authLines.size()));
            int syslogCount = authLines.size() * copies;
            long c0 = System.nanoTime();
            Thread[] senders = new Thread[2];
            for (int t = 0; t < senders.length; t++) {
                int part = t;
                senders[t] = Thread.ofPlatform().start(() -> sendSyslog(vigil.appliance.runtimeInfo().syslogTcpPort(), authLines, copies, part, senders.length));
            }
            for (Thread t : senders) {
                t.join();
            }
            awaitIndexed(vigil);
            double c = seconds(c0);
            row(report, "(c) syslog TCP (linux-auth lines): frame, spool, parse, index", syslogCount, c, aRate);
        }

        Path sigmaRules = Path.of(System.getProperty("vigil.shared.dir", "../shared"), "data", "sigma", "rules");
        if (Files.isDirectory(sigmaRules)) {
            try (RunningAppliance vigil = new RunningAppliance(tmp.resolve("http-detect"),
                    Map.of("vigil.detect.content-rules-dir", sigmaRules.toAbsolutePath().toString()))) {
                int enabled = vigil.context.getBean(dev.vigil.detect.rules.RuleLibrary.class).engine(TENANT).enabledCount();
                ExecutorService clients = Executors.newFixedThreadPool(4);
                long d0 = System.nanoTime();
                List<Future<?>> sent = new ArrayList<>();
                for (int from = 0; from < n; from += 5000) {
                    List<Record> slice = records.subList(from, Math.min(n, from + 5000));
                    sent.add(clients.submit(() -> postRecords(vigil, slice)));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
                awaitIndexed(vigil);
                double d = seconds(d0);
                clients.shutdown();
                row(report, "(b+detect) as (b) with " + enabled + " rules enabled (SigmaHQ + factory), alerts raised", n, d, aRate);
            }
        } else {
            report.append("(b+detect) skipped: needs the SigmaHQ rules under ").append(sigmaRules).append('\n');
        }

        report.append("\n").append(searchLatency(events, searchEvents));
        String text = "Generated scenario: " + hosts + " hosts, 24 h, " + n + " events; machine: "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + "\n\n" + report;
        Path out = Path.of(System.getProperty("bench.out", "target/bench/performance.md"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println(text);
    }

    private String searchLatency(List<NormalizedEvent> pool, long total) throws Exception {
        Instant origin = Instant.parse("2026-06-01T00:00:00Z");
        long spanMillis = Duration.ofDays(7).toMillis();
        try (EventStore store = new EventStore(StoreSettings.defaults(tmp.resolve("search")))) {
            long l0 = System.nanoTime();
            ExecutorService workers = Executors.newFixedThreadPool(2);
            List<Future<?>> parts = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int worker = w;
                parts.add(workers.submit(() -> {
                    for (long i = worker; i < total; i += 2) {
                        NormalizedEvent e = pool.get((int) (i % pool.size()));
                        Instant ts = origin.plusMillis(i * spanMillis / total);
                        store.add(new NormalizedEvent(i + 1, e.tenant(), ts, ts, e.connector(), e.logSource(), e.fields(), e.raw(), e.parseError()));
                    }
                }));
            }
            for (Future<?> p : parts) {
                p.get();
            }
            workers.shutdown();
            store.commit(total);
            double load = seconds(l0);
            RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(5);
            String[] queries = {"EventID:4625", "event.outcome:failure", "@connector:zeek-json", "Image:*\\\\powershell.exe"};
            for (int warm = 0; warm < 50; warm++) {
                oneQuery(store, queries[warm % queries.length], origin, spanMillis, random);
            }
            int runs = 400;
            long[] nanos = new long[runs];
            for (int r = 0; r < runs; r++) {
                nanos[r] = oneQuery(store, queries[r % queries.length], origin, spanMillis, random);
            }
            Arrays.sort(nanos);
            return "(d) search over " + total + " stored events (7 days, loaded in " + String.format("%.0f", load)
                    + " s): term/wildcard query + 1-hour range, newest 50, " + runs + " queries after 50 warm-up: p50 "
                    + String.format("%.1f", nanos[runs / 2] / 1e6) + " ms, p99 " + String.format("%.1f", nanos[runs * 99 / 100] / 1e6)
                    + " ms, max " + String.format("%.1f", nanos[runs - 1] / 1e6) + " ms\n";
        }
    }

    private static long oneQuery(EventStore store, String q, Instant origin, long spanMillis, RandomGenerator random) {
        Instant since = origin.plusMillis(random.nextLong(spanMillis - 3_600_000L));
        long s = System.nanoTime();
        store.search(TENANT, new EventQuery(q, since, since.plusSeconds(3600)), 0, 50);
        return System.nanoTime() - s;
    }

    private static void postRecords(RunningAppliance vigil, List<Record> slice) {
        try {
            Map<String, List<String>> byConnector = new java.util.TreeMap<>();
            slice.forEach(r -> byConnector.computeIfAbsent(r.connector(), k -> new ArrayList<>()).add(r.payload()));
            for (var e : byConnector.entrySet()) {
                ObjectNode body = RunningAppliance.JSON.createObjectNode().put("connector", e.getKey());
                ArrayNode array = body.putArray("records");
                e.getValue().forEach(array::add);
                var response = vigil.post("/api/v1/ingest/records", "Bearer " + vigil.ingestToken, "application/json", body.toString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sendSyslog(int port, List<String> lines, int copies, int part, int parts) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
             OutputStream out = new java.io.BufferedOutputStream(s.getOutputStream(), 1 << 16)) {
            for (int c = part; c < copies; c += parts) {
                for (String line : lines) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitIndexed(RunningAppliance vigil) throws InterruptedException {
        Spool spool = vigil.context.getBean(Spool.class);
        IndexingPipeline pipeline = vigil.context.getBean(IndexingPipeline.class);
        long last;
        do {
            last = spool.lastSequence();
            pipeline.awaitIndexed(last, Duration.ofMinutes(30));
            Thread.sleep(300);
        } while (spool.lastSequence() != last);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void row(StringBuilder out, String what, long events, double seconds, double baselineRate) {
        double rate = events / seconds;
        out.append(String.format("| %s | %,d | %.2f | %,.0f | %.2f |%n", what, events, seconds, rate, rate / baselineRate));
    }
}
