package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.appliance.RuntimeInfo;

import java.io.IOException;
import java.net.ConnectException;
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
import java.util.StringJoiner;

/**
 * How CLI commands talk to a running appliance: its REST API on loopback, authenticated with the admin token the
 * appliance keeps for its local CLI in {@code <data>/run/cli.token}, over HTTPS pinned to the certificate whose
 * fingerprint the appliance keeps in {@code <data>/run/https.fingerprint} ({@link PinnedCertificate}).
 *
 * <p>Guarantees: every failure becomes a {@link CliException} with a message that says what to do (start the
 * appliance, check the data directory, the API's own error text), never a stack trace.
 */
public final class ApplianceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http;

    ApplianceClient(URI base, String token, HttpClient http) {
        this.base = base;
        this.token = token;
        this.http = http;
    }

    /** A client for the appliance running on this data directory. */
    public static ApplianceClient forDataDir(Path dataDir) {
        RuntimeInfo info = RuntimeInfo.readLive(dataDir).orElseThrow(() -> new CliException(
                "no appliance is running on data directory " + dataDir.toAbsolutePath()
                        + " (start it with 'vigil serve --data-dir " + dataDir + "', or pass --data-dir)"));
        Path tokenFile = dataDir.resolve("run").resolve("cli.token");
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (info.httpUrl().startsWith("https:")) {
            http.sslContext(PinnedCertificate.forDataDir(dataDir).context());
        }
        try {
            return new ApplianceClient(URI.create(info.httpUrl()), Files.readString(tokenFile).trim(), http.build());
        } catch (IOException e) {
            throw new CliException("cannot read the CLI token " + tokenFile + ": " + e.getMessage()
                    + " (the CLI must run as the appliance's service user)");
        }
    }

    public JsonNode get(String path, Map<String, String> query) {
        return send(HttpRequest.newBuilder(uri(path, query)).GET());
    }

    public JsonNode post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path, Map.of()))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a file's bytes (a bundle) as {@code application/octet-stream}. */
    public JsonNode postFile(String path, Path file) {
        try {
            return send(HttpRequest.newBuilder(uri(path, Map.of()))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (java.io.FileNotFoundException e) {
            throw new CliException("no such file: " + file, 2);
        }
    }

    public JsonNode delete(String path) {
        return send(HttpRequest.newBuilder(uri(path, Map.of())).DELETE());
    }

    private URI uri(String path, Map<String, String> query) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((k, v) -> {
            if (v != null) {
                q.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return base.resolve(path + q);
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofMinutes(2)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
            if (response.statusCode() >= 300) {
                String message = body.path("message").asText(body.path("_embedded").path("errors").path(0)
                        .path("message").asText(response.body()));
                throw new CliException("the appliance answered " + response.statusCode() + ": " + message);
            }
            return body;
        } catch (ConnectException e) {
            throw new CliException("cannot reach the appliance at " + base + " (is it still running?)");
        } catch (javax.net.ssl.SSLException e) {
            throw new CliException("refused the appliance's TLS connection at " + base + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CliException("request to " + request.uri().getPath() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
