package dev.vigil.console.web;

import dev.vigil.console.api.TimeExpressions;
import dev.vigil.store.EventQuery;
import dev.vigil.store.EventStore;
import dev.vigil.store.Histogram;
import dev.vigil.store.StoredEvent;
import dev.vigil.tenancy.TenantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code GET /search}: the query box (the store's query language), a time range, the histogram of matches, the newest
 * matches with their normalised fields and raw record, values that filter on click, and {@code GET /search/export}
 * (CSV or NDJSON of up to {@value #EXPORT_LIMIT} matches). Same store calls and READ scope as {@code /api/v1/search}.
 * A bad query or time shows the page with the reason (400), never a stack trace.
 */
@Controller("/search")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchPage {

    static final int PAGE_SIZE = 50;
    static final int EXPORT_LIMIT = 10_000;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final EventStore store;
    private final Clock clock;

    public SearchPage(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What the user asked for, echoed back into the form. */
    public record Form(String q, String since, String until, int offset) {
        /** The query string of this form with another offset (paging links). */
        public String link(int newOffset) {
            return "/search?q=" + enc(q) + "&since=" + enc(since) + (until.isEmpty() ? "" : "&until=" + enc(until))
                    + (newOffset == 0 ? "" : "&offset=" + newOffset);
        }

        /** The link that narrows the search to {@code field:"value"}. */
        public String filter(String field, String value) {
            return new Form(QueryFilters.include(q, field, value), since, until, 0).link(0);
        }

        /** The link that excludes {@code field:"value"}. */
        public String exclude(String field, String value) {
            return new Form(QueryFilters.exclude(q, field, value), since, until, 0).link(0);
        }

        /** The export link. */
        public String export(String format) {
            return "/search/export?format=" + format + "&q=" + enc(q) + "&since=" + enc(since)
                    + (until.isEmpty() ? "" : "&until=" + enc(until));
        }

        private static String enc(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> search(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String since,
                                  @Nullable @QueryValue String until, @Nullable @QueryValue Integer offset) {
        Viewer viewer = Viewer.of(request);
        Form form = new Form(q == null || q.isBlank() ? "*" : q.trim(), since == null || since.isBlank() ? "24h" : since.trim(),
                until == null ? "" : until.trim(), offset == null ? 0 : Math.max(0, offset));
        Page page = Page.of("search", viewer).with("form", form);
        try {
            EventQuery query = query(form);
            TenantId tenant = viewer.principal().tenant();
            var found = store.search(tenant, query, form.offset(), PAGE_SIZE);
            Instant from = query.since();
            Instant to = query.until() == null ? clock.instant() : query.until();
            Histogram h = store.histogram(tenant, new EventQuery(query.queryText(), from, to),
                    Buckets.forRange(Duration.between(from, to)));
            ChartSpec chart = new ChartSpec("bar", h.buckets().stream().map(b -> LABEL.format(b.start())).toList(),
                    List.of(new ChartSpec.Series("matches", h.buckets().stream().map(Histogram.Bucket::count).toList())), null);
            return page.with("total", found.totalHits()).with("rows", found.events().stream().map(EventRow::of).toList())
                    .with("histogram", chart).with("queryError", null).ok();
        } catch (IllegalArgumentException e) {
            return page.with("total", 0L).with("rows", List.of()).with("histogram", null)
                    .with("queryError", e.getMessage()).status(HttpStatus.BAD_REQUEST);
        }
    }

    @Get("/export")
    public HttpResponse<String> export(HttpRequest<?> request, @QueryValue(defaultValue = "csv") String format,
                                       @Nullable @QueryValue String q, @Nullable @QueryValue String since,
                                       @Nullable @QueryValue String until) {
        Viewer viewer = Viewer.of(request);
        boolean csv = switch (format) {
            case "csv" -> true;
            case "ndjson" -> false;
            default -> throw new IllegalArgumentException("format must be csv or ndjson, was '" + format + "'");
        };
        Form form = new Form(q == null || q.isBlank() ? "*" : q, since == null || since.isBlank() ? "24h" : since,
                until == null ? "" : until, 0);
        List<StoredEvent> events = store.search(viewer.principal().tenant(), query(form), 0, EXPORT_LIMIT).events();
        String name = "vigil-events-" + clock.instant().getEpochSecond() + (csv ? ".csv" : ".ndjson");
        return HttpResponse.ok(csv ? EventExport.csv(events) : EventExport.ndjson(events))
                .contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private EventQuery query(Form form) {
        Instant now = clock.instant();
        return new EventQuery(form.q(), TimeExpressions.parse(form.since(), now),
                form.until().isEmpty() ? null : TimeExpressions.parse(form.until(), now));
    }
}
