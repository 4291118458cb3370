package dev.vigil.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durability promise end to end: an appliance in its own JVM takes a heavy HTTP ingest, is killed with SIGKILL
 * in the middle of it, and is started again; every event it had acknowledged is then searchable exactly once.
 */
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAcknowledgedEventIsSearchableExactlyOnceAfterSigkill() throws Exception {
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Process first = startAppliance();
        try {
            RuntimeInfo info = awaitRunning(first);
            String ingest = Files.readString(data.resolve("run/ingest.token")).trim();
            AtomicInteger next = new AtomicInteger();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                senders.add(Thread.ofPlatform().start(() -> sendUntilRefused(info, ingest, next, acknowledged)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (acknowledged.size() < 20_000) {
                if (System.nanoTime() > deadline || !first.isAlive()) {
                    throw new AssertionError("the appliance acknowledged only " + acknowledged.size()
                            + " events in 120 s (alive: " + first.isAlive() + ")");
                }
                Thread.sleep(20);
            }
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
            first.waitFor();
            for (Thread s : senders) {
                s.join();
            }
        } finally {
            first.destroyForcibly();
        }

        Process second = startAppliance();
        try {
            RuntimeInfo info = awaitRunning(second);
            String admin = Files.readString(data.resolve("run/cli.token")).trim();
            Map<Integer, Integer> seen = awaitAll(info, admin, acknowledged.size());
            for (int id : acknowledged) {
                assertEquals(1, seen.getOrDefault(id, 0), "acknowledged event " + id + " must be stored exactly once");
            }
            for (Map.Entry<Integer, Integer> e : seen.entrySet()) {
                assertTrue(e.getValue() == 1, "event " + e.getKey() + " stored " + e.getValue() + " times");
            }
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private void sendUntilRefused(RuntimeInfo info, String token, AtomicInteger next, Set<Integer> acknowledged) {
        while (true) {
            int first = next.getAndAdd(BATCH);
            StringBuilder body = new StringBuilder();
            for (int i = first; i < first + BATCH; i++) {
                body.append("{\"run\":\"crash\",\"id\":").append(i).append(",\"pad\":\"")
                        .append("x".repeat(100)).append("\"}\n");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(info.httpUrl() + "api/v1/ingest?connector=generic-json"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    for (int i = first; i < first + BATCH; i++) {
                        acknowledged.add(i);
                    }
                } else if (r.statusCode() != 503) {
                    throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
                }
            } catch (java.io.IOException | InterruptedException e) {
                return; // the appliance died: this batch was never acknowledged
            } catch (IllegalStateException e) {
                return; // reported by the main thread's deadline
            }
        }
    }

    private Map<Integer, Integer> awaitAll(RuntimeInfo info, String token, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long total = 0;
        while (System.nanoTime() < deadline) {
            total = get(info, token, "api/v1/aggregations/count?since=3650d&q=run:crash").path("count").asLong();
            if (total >= expected) {
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(1500); // replay done: let any duplicate become visible before counting
        Map<Integer, Integer> seen = new HashMap<>();
        int limit = 10_000;
        for (int offset = 0; ; offset += limit) {
            JsonNode page = get(info, token, "api/v1/search?since=3650d&q=run:crash&limit=" + limit + "&offset=" + offset);
            for (JsonNode e : page.path("events")) {
                seen.merge(e.path("fields").path("id").asInt(), 1, Integer::sum);
            }
            if (offset + limit >= page.path("total").asLong()) {
                break;
            }
        }
        return seen;
    }

    private JsonNode get(RuntimeInfo info, String token, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(info.httpUrl() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private Process startAppliance() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-Dvigil.http.tls.enabled=false", // plain HTTP for this harness's client; HttpsByDefaultTest covers TLS
                "-cp", System.getProperty("java.class.path"), "dev.vigil.cli.VigilCommand", "serve",
                "--data-dir", data.toString(), "--http-port", "0",
                "--connectors-dir", Path.of("connectors").toAbsolutePath().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(data.resolveSibling(data.getFileName() + "-stderr.log").toFile())
                .start();
    }

    private RuntimeInfo awaitRunning(Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the appliance exited with " + process.exitValue());
            }
            var info = RuntimeInfo.readLive(data);
            if (info.isPresent() && info.get().pid() == process.pid()) {
                return info.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the appliance did not start within 60 s");
    }
}
