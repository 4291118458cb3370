package dev.vigil.ingest.http;

import dev.vigil.tenancy.web.Principals;
import dev.vigil.connectors.LineFramer;
import dev.vigil.ingest.spool.AppendResult;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolFullException;
import dev.vigil.ingest.spool.SpoolRecord;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The HTTP collector: Splunk-HEC-compatible {@code /services/collector/event} and {@code /services/collector/raw},
 * and NDJSON bulk at {@code /api/v1/ingest}, so that rsyslog, Vector, Fluent Bit and the OTel collector's HEC exporter
 * can send without adapters.
 *
 * <p>Guarantees: a 200 answer means every event of the request is durably spooled (fsync'd) and will be searchable
 * exactly once; a request that cannot be read is refused whole (400, naming the first bad event) and nothing of it is
 * kept; when the spool is full the answer is 503 with {@code Retry-After} and nothing is kept. The tenant is always
 * the token's.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class IngestController {

    private final Spool spool;
    private final ConnectorCatalog connectors;
    private final Clock clock;
    private final HecRequestReader hec = new HecRequestReader();

    public IngestController(Spool spool, ConnectorCatalog connectors, Clock clock) {
        this.spool = spool;
        this.connectors = connectors;
        this.clock = clock;
    }

    /** NDJSON bulk (or plain text lines): one record per line, framed by the connector's line framer. */
    @Post("/api/v1/ingest")
    @Consumes({"application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, "application/jsonl"})
    public HttpResponse<?> bulk(HttpRequest<?> request, @Body String body,
                                @QueryValue(defaultValue = "generic-json") String connector) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.INGEST);
        requireConnector(connector);
        LineFramer framer = connectors.newLineFramer(connector);
        Instant now = clock.instant();
        String source = "http:" + caller.name();
        List<SpoolRecord> records = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            for (String payload : framer.acceptAll(text)) {
                records.add(new SpoolRecord(caller.tenant(), connector, source, now, payload));
            }
        }
        return spoolAll(records, r -> HttpResponse.ok(new IngestResult(r.count(), r.firstSequence(), r.lastSequence())));
    }

    /** Pre-framed records, as {@code vigil ingest FILE} sends them: {@code {"connector": …, "records": [ … ]}}. */
    @Post("/api/v1/ingest/records")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<?> records(HttpRequest<?> request, @Body RecordsRequest body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.INGEST);
        requireConnector(body.connector());
        Instant now = clock.instant();
        String source = "http:" + caller.name() + (body.source() == null ? "" : ":" + body.source());
        List<SpoolRecord> records = new ArrayList<>();
        for (String payload : body.records()) {
            if (payload != null && !payload.isBlank()) {
                records.add(new SpoolRecord(caller.tenant(), body.connector(), source, now, payload));
            }
        }
        return spoolAll(records, r -> HttpResponse.ok(new IngestResult(r.count(), r.firstSequence(), r.lastSequence())));
    }

    /** Splunk HEC event endpoint. */
    @Post("/services/collector/event{/version}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/x-ndjson"})
    public HttpResponse<?> hecEvent(HttpRequest<?> request, @Body String body, @Nullable @PathVariable String version,
                                    @Nullable @QueryValue String sourcetype) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.INGEST);
        List<HecEvent> events;
        try {
            events = hec.read(body);
        } catch (HecFormatException e) {
            return hecError(HttpStatus.BAD_REQUEST, e.getMessage().contains("no data") ? 5 : 6, e.getMessage());
        }
        Instant now = clock.instant();
        List<SpoolRecord> records = new ArrayList<>(events.size());
        for (HecEvent e : events) {
            String connector = SourcetypeConnectors.resolve(e.sourcetype() != null ? e.sourcetype() : sourcetype,
                    connectors::exists, "generic-json");
            String source = "hec:" + caller.name() + (e.host() == null ? "" : ":" + e.host());
            records.add(new SpoolRecord(caller.tenant(), connector, source, e.time() != null ? e.time() : now, e.payload()));
        }
        return spoolAll(records, r -> HttpResponse.ok(Map.of("text", "Success", "code", 0)));
    }

    /** Splunk HEC raw endpoint: the body is lines of raw events. */
    @Post("/services/collector/raw{/version}")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    public HttpResponse<?> hecRaw(HttpRequest<?> request, @Body String body, @Nullable @PathVariable String version,
                                  @Nullable @QueryValue String sourcetype) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.INGEST);
        String connector = SourcetypeConnectors.resolve(sourcetype, connectors::exists, "linux-syslog");
        LineFramer framer = connectors.newLineFramer(connector);
        Instant now = clock.instant();
        List<SpoolRecord> records = new ArrayList<>();
        for (String line : body.split("\n")) {
            for (String payload : framer.acceptAll(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line)) {
                records.add(new SpoolRecord(caller.tenant(), connector, "hec:" + caller.name(), now, payload));
            }
        }
        if (records.isEmpty()) {
            return hecError(HttpStatus.BAD_REQUEST, 5, "no data");
        }
        return spoolAll(records, r -> HttpResponse.ok(Map.of("text", "Success", "code", 0)));
    }

    private HttpResponse<?> spoolAll(List<SpoolRecord> records, java.util.function.Function<AppendResult, HttpResponse<?>> ok) {
        if (records.isEmpty()) {
            return HttpResponse.badRequest(Map.of("error", "bad_request", "message", "the request holds no event"));
        }
        try {
            return ok.apply(spool.append(records).get());
        } catch (SpoolFullException e) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .body(Map.of("error", "busy", "message", e.getMessage(), "text", "Server is busy", "code", 9));
        } catch (IllegalArgumentException e) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(Map.of("error", "too_large", "message", e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpResponse.serverError(Map.of("error", "interrupted", "message", "interrupted while spooling; nothing acknowledged"));
        } catch (ExecutionException e) {
            return HttpResponse.serverError(Map.of("error", "spool_failed",
                    "message", "the spool could not store the events; nothing acknowledged: " + e.getCause().getMessage()));
        }
    }

    private void requireConnector(String connector) {
        if (connector == null || !connectors.exists(connector)) {
            throw new IllegalArgumentException("unknown connector '" + connector + "'; known connectors: "
                    + String.join(", ", connectors.names()));
        }
    }

    private static HttpResponse<?> hecError(HttpStatus status, int code, String text) {
        return HttpResponse.status(status).body(Map.of("text", text, "code", code));
    }

    /** What was accepted: how many records and the spool sequences they were given. */
    @Serdeable
    public record IngestResult(int accepted, long firstSequence, long lastSequence) {
    }

    /** Pre-framed records of one connector. */
    @Serdeable
    public record RecordsRequest(String connector, @Nullable String source, List<String> records) {
    }
}
