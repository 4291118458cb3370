package dev.vigil.console.web;

import dev.vigil.appliance.Appliance;
import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.ConnectorTester;
import dev.vigil.connectors.TestedRecord;
import dev.vigil.ingest.IndexingPipeline;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.ApiTokens;
import dev.vigil.tenancy.IssuedToken;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /connectors}: every connector with its indexed and parse-error counters, the listeners' counters, and
 * for admins the tenant's tokens; {@code POST /connectors/test} parses pasted sample lines with one connector and shows
 * the normalised events (READ, stores nothing, like {@code vigil connectors test}); {@code POST /connectors/tokens} and
 * {@code POST /connectors/tokens/{name}/revoke} create and revoke tokens (ADMIN, audited by {@link ApiTokens}). A new
 * token's secret is shown once, on the answer to the form post, never in a URL.
 */
@Controller("/connectors")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConnectorsPage {

    private static final int MAX_SAMPLE_CHARS = 64 * 1024;

    private final ConnectorRegistry connectors;
    private final IndexingPipeline pipeline;
    private final Appliance appliance;
    private final ApiTokens tokens;
    private final Clock clock;

    public ConnectorsPage(ConnectorRegistry connectors, IndexingPipeline pipeline, Appliance appliance, ApiTokens tokens,
                          Clock clock) {
        this.connectors = connectors;
        this.pipeline = pipeline;
        this.appliance = appliance;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** One connector's line in the table. */
    public record Row(String name, String description, long indexed, long parseErrors) {
    }

    /** A sample test as typed and its result. */
    public record Sample(String connector, String text, List<EventRow> events, String error) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> status(HttpRequest<?> request) {
        return render(Viewer.of(request), new Sample("", "", List.of(), null), null, HttpStatus.OK);
    }

    @Post("/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> test(HttpRequest<?> request, @Nullable @Body String body) {
        Viewer viewer = Viewer.of(request);
        FormBody form = FormBody.parse(body);
        String name = form.text("connector") == null ? "" : form.text("connector");
        String text = form.get("sample") == null ? "" : form.get("sample");
        if (text.isBlank() || text.length() > MAX_SAMPLE_CHARS) {
            return render(viewer, new Sample(name, text, List.of(), "Paste between 1 and " + MAX_SAMPLE_CHARS
                    + " characters of sample input."), null, HttpStatus.BAD_REQUEST);
        }
        Connector connector = connectors.find(name).orElse(null);
        if (connector == null) {
            return render(viewer, new Sample(name, text, List.of(), "Unknown connector '" + name + "'; choose one of "
                    + String.join(", ", connectors.names()) + "."), null, HttpStatus.BAD_REQUEST);
        }
        List<EventRow> events = new ConnectorTester(viewer.principal().tenant(), clock.instant()).test(connector, text)
                .stream().map(TestedRecord::event).map(EventRow::of).toList();
        return render(viewer, new Sample(name, text, events, null), null, HttpStatus.OK);
    }

    @Post("/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> createToken(HttpRequest<?> request, @Nullable @Body String body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        FormBody form = FormBody.parse(body);
        ApiTokenScope scope;
        try {
            scope = ApiTokenScope.valueOf(form.text("scope") == null ? "INGEST" : form.text("scope").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Page.error("/connectors", "Unknown token scope '" + form.text("scope") + "': use INGEST, READ, ANALYST or ADMIN.");
        }
        try {
            IssuedToken issued = tokens.create(caller.tenant(), form.text("name"), scope, caller.name(), caller.role());
            return render(Viewer.of(request), new Sample("", "", List.of(), null), issued, HttpStatus.CREATED);
        } catch (IllegalArgumentException e) {
            return Page.error("/connectors", e.getMessage());
        }
    }

    @Post("/tokens/{name}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> revokeToken(HttpRequest<?> request, @PathVariable String name) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        try {
            tokens.revoke(caller.tenant(), name, caller.name(), caller.role());
            return Page.notice("/connectors", "Token " + name + " revoked.");
        } catch (IllegalArgumentException e) {
            return Page.error("/connectors", e.getMessage());
        }
    }

    private HttpResponse<?> render(Viewer viewer, Sample sample, IssuedToken issued, HttpStatus status) {
        var stats = pipeline.stats();
        List<Row> rows = connectors.names().stream().map(n -> new Row(n, connectors.get(n).description(),
                stats.indexedByConnector().getOrDefault(n, 0L), stats.parseErrorsByConnector().getOrDefault(n, 0L))).toList();
        return Page.of("connectors", viewer).with("rows", rows).with("listeners", appliance.listenerCounters())
                .with("tokens", viewer.admin() ? tokens.list(viewer.principal().tenant()) : List.of())
                .with("issued", issued).with("sample", sample).status(status);
    }
}
