package dev.vigil.console.api;

import dev.vigil.store.EventQuery;
import dev.vigil.tenancy.web.Principals;
import dev.vigil.store.EventStore;
import dev.vigil.store.Histogram;
import dev.vigil.store.SearchPage;
import dev.vigil.store.StoredEvent;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Event search and aggregations for the caller's tenant: {@code /api/v1/search}, {@code /api/v1/events/{id}},
 * {@code /api/v1/aggregations/histogram} and {@code /api/v1/aggregations/top}.
 *
 * <p>The tenant always comes from the authenticated token, never from the request. {@code since}/{@code until}
 * accept look-backs ({@code 24h}), ISO instants or dates; a bad query or time is a 400 naming the problem.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {

    private static final int MAX_LIMIT = 10_000;

    private final EventStore store;
    private final Clock clock;

    public SearchController(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Get("/search")
    public SearchResult search(HttpRequest<?> request, @QueryValue(defaultValue = "*") String q,
                               @Nullable @QueryValue String since, @Nullable @QueryValue String until,
                               @QueryValue(defaultValue = "50") int limit, @QueryValue(defaultValue = "0") int offset) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        SearchPage page = store.search(caller.tenant(), query(q, since, until), offset, limit);
        return new SearchResult(page.totalHits(), offset, page.events().stream().map(EventView::of).toList());
    }

    @Get("/events/{id}")
    public HttpResponse<EventView> event(HttpRequest<?> request, @PathVariable String id) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        return store.get(caller.tenant(), id).map(EventView::of).map(HttpResponse::ok)
                .orElseGet(HttpResponse::notFound);
    }

    @Get("/aggregations/count")
    public Map<String, Long> count(HttpRequest<?> request, @QueryValue(defaultValue = "*") String q,
                                   @Nullable @QueryValue String since, @Nullable @QueryValue String until) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        return Map.of("count", store.count(caller.tenant(), query(q, since, until)));
    }

    @Get("/aggregations/histogram")
    public HistogramView histogram(HttpRequest<?> request, @QueryValue(defaultValue = "*") String q,
                                   @Nullable @QueryValue String since, @Nullable @QueryValue String until,
                                   @QueryValue(defaultValue = "1h") String interval) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        Instant now = clock.instant();
        Duration bucket = Duration.between(TimeExpressions.parse(interval, now), now);
        if (bucket.isNegative() || bucket.isZero()) {
            throw new IllegalArgumentException("interval must be a positive look-back like 1m, 1h or 1d, was " + interval);
        }
        Histogram h = store.histogram(caller.tenant(), query(q, since == null ? "24h" : since, until), bucket);
        return new HistogramView(bucket.toString(), h.total(),
                h.buckets().stream().map(b -> new BucketView(b.start(), b.count())).toList());
    }

    @Get("/aggregations/top")
    public List<TopValue> top(HttpRequest<?> request, @QueryValue String field,
                               @QueryValue(defaultValue = "*") String q, @Nullable @QueryValue String since,
                               @Nullable @QueryValue String until, @QueryValue(defaultValue = "10") int size) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        if (size < 1 || size > 1000) {
            throw new IllegalArgumentException("size must be between 1 and 1000, was " + size);
        }
        return store.topValues(caller.tenant(), query(q, since, until), field, size).stream()
                .map(t -> new TopValue(t.value(), t.count())).toList();
    }

    private EventQuery query(String q, String since, String until) {
        Instant now = clock.instant();
        return new EventQuery(q, TimeExpressions.parse(since, now), TimeExpressions.parse(until, now));
    }

    /** A page of matching events, newest first. */
    @Serdeable
    public record SearchResult(long total, int offset, List<EventView> events) {
    }

    /** One stored event as the API shows it. */
    @Serdeable
    public record EventView(String id, Instant timestamp, Instant receivedAt, String connector,
                            @Nullable String product, @Nullable String category, @Nullable String service,
                            Map<String, Object> fields, String raw, @Nullable String parseError) {
        static EventView of(StoredEvent e) {
            return new EventView(e.id(), e.timestamp(), e.receivedAt(), e.connector(), e.logSource().product(),
                    e.logSource().category(), e.logSource().service(), e.fields(), e.raw(), e.parseError());
        }
    }

    /** Counts over time. */
    @Serdeable
    public record HistogramView(String interval, long total, List<BucketView> buckets) {
    }

    /** One value of a field and how many matching events have it. */
    @Serdeable
    public record TopValue(String value, long count) {
    }

    /** One histogram bucket. */
    @Serdeable
    public record BucketView(Instant start, long count) {
    }
}
