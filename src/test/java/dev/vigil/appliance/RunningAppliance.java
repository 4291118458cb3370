package dev.vigil.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real appliance started in this JVM on a temporary data directory, with free ports, for end-to-end tests. It serves
 * plain HTTP unless {@code extra} sets {@code vigil.http.tls.enabled} to true.
 */
public final class RunningAppliance implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    public final ApplicationContext context;
    public final Appliance appliance;
    public final Path dataDir;
    public final URI base;
    public final String adminToken;
    public final String ingestToken;
    private final HttpClient http = HttpClient.newHttpClient();

    public RunningAppliance(Path dataDir, Map<String, Object> extra) throws Exception {
        this.dataDir = dataDir;
        Map<String, Object> props = new java.util.LinkedHashMap<>(ApplianceProperties.forDataDir(dataDir, "h2"));
        props.put("micronaut.server.port", -1);
        props.put("vigil.connectors-dir", Path.of("connectors").toAbsolutePath().toString());
        props.put("vigil.syslog.tcp-port", 0);
        props.put("vigil.syslog.udp-port", 0);
        props.put("vigil.syslog.tls-port", 0);
        props.put("vigil.http.tls.enabled", false); // plain HTTP for the harness; HttpsByDefaultTest proves the default
        props.putAll(extra);
        context = ApplicationContext.run(props);
        context.getBean(io.micronaut.runtime.server.EmbeddedServer.class).start();
        appliance = context.getBean(Appliance.class);
        appliance.start();
        base = URI.create(appliance.runtimeInfo().httpUrl());
        adminToken = Files.readString(dataDir.resolve("run/cli.token")).trim();
        ingestToken = Files.readString(dataDir.resolve("run/ingest.token")).trim();
    }

    public HttpResponse<String> post(String path, String authorization, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Searches with a token until at least {@code atLeast} events match or 10 s pass; returns the last answer. */
    public JsonNode awaitSearch(String token, String query, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode page;
        do {
            HttpResponse<String> r = get("/api/v1/search?since=3650d&limit=100&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                    "Bearer " + token);
            if (r.statusCode() != 200) {
                throw new AssertionError("search answered " + r.statusCode() + ": " + r.body());
            }
            page = JSON.readTree(r.body());
            if (page.path("total").asLong() >= atLeast) {
                return page;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return page;
    }

    @Override
    public void close() {
        context.close();
    }
}
