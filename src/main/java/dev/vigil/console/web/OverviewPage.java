package dev.vigil.console.web;

import dev.vigil.analyst.triage.TriageModels;
import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import dev.vigil.control.SwitchDecision;
import dev.vigil.detect.alert.AlertQuery;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.ingest.IndexingPipeline;
import dev.vigil.ingest.PipelineStats;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolDepth;
import dev.vigil.store.EventQuery;
import dev.vigil.store.EventStore;
import dev.vigil.store.Histogram;
import dev.vigil.store.StoreStats;
import dev.vigil.store.TermCount;
import dev.vigil.tenancy.TenantId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /}: the overview: events per minute by connector over the last hour, parse errors, spool depth and index
 * lag, open alerts by level, top rules and hosts, and the state of the models and kill switches. Read-only; the data
 * come from the same services as {@code /api/v1/status}, {@code /api/v1/alerts}, the aggregations and the switches.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class OverviewPage {

    /**
     * The fields connectors put a host name in. A connector may fill two of them for one event (generic-json copies
     * hostname to host.name), so a host's count is its largest count in any one field, never a sum.
     */
    static final List<String> HOST_FIELDS = List.of("host.name", "hostname", "Computer");
    private static final int CONNECTOR_SERIES = 6;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final EventStore store;
    private final Spool spool;
    private final IndexingPipeline pipeline;
    private final AlertService alerts;
    private final KillSwitches switches;
    private final TriageModels models;
    private final Clock clock;

    public OverviewPage(EventStore store, Spool spool, IndexingPipeline pipeline, AlertService alerts,
                        KillSwitches switches, TriageModels models, Clock clock) {
        this.store = store;
        this.spool = spool;
        this.pipeline = pipeline;
        this.alerts = alerts;
        this.switches = switches;
        this.models = models;
        this.clock = clock;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> overview(HttpRequest<?> request) {
        Viewer viewer = Viewer.of(request);
        TenantId tenant = viewer.principal().tenant();
        Instant now = clock.instant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        PipelineStats p = pipeline.stats();
        SpoolDepth depth = spool.depth();
        StoreStats stats = store.stats(tenant);
        AlertTally tally = AlertTally.of(alerts.list(tenant, new AlertQuery(null, null, null, Instant.EPOCH, null, 1000)), 8);
        List<SwitchDecision> decisions = Arrays.stream(AiFeature.values()).map(f -> switches.state(f, tenant)).toList();
        return Page.of("overview", viewer)
                .with("stats", stats)
                .with("pipeline", p)
                .with("spool", depth)
                .with("failure", pipeline.failure() == null ? null : pipeline.failure().getMessage())
                .with("perMinute", perMinute(tenant, hourAgo, now))
                .with("tally", tally)
                .with("levels", levelChart(tally))
                .with("hosts", topHosts(tenant, hourAgo, now))
                .with("model", models.current().map(m -> "triage model " + m.version()).orElse("triage: " + models.unavailable()))
                .with("switches", decisions)
                .ok();
    }

    private ChartSpec perMinute(TenantId tenant, Instant from, Instant to) {
        List<TermCount> connectors = store.topValues(tenant, new EventQuery("*", from, to), "@connector", CONNECTOR_SERIES);
        List<String> labels = new ArrayList<>();
        List<ChartSpec.Series> series = new ArrayList<>();
        for (TermCount c : connectors) {
            Histogram h = store.histogram(tenant, new EventQuery("@connector:\"" + c.value().replace("\"", "\\\"") + "\"", from, to),
                    Duration.ofMinutes(1));
            if (labels.isEmpty()) {
                h.buckets().forEach(b -> labels.add(MINUTE.format(b.start())));
            }
            List<Long> data = h.buckets().stream().map(Histogram.Bucket::count).toList();
            series.add(new ChartSpec.Series(c.value(), data.size() == labels.size() ? data : fit(data, labels.size())));
        }
        return new ChartSpec("bar", labels, series, null);
    }

    private static List<Long> fit(List<Long> data, int size) {
        List<Long> out = new ArrayList<>(data.subList(0, Math.min(size, data.size())));
        while (out.size() < size) {
            out.add(0L);
        }
        return out;
    }

    private static ChartSpec levelChart(AlertTally tally) {
        List<String> labels = tally.byLevel().keySet().stream().map(l -> l.sigmaName()).toList();
        List<Long> data = List.copyOf(tally.byLevel().values());
        List<String> links = labels.stream().map(l -> "/alerts?level=" + l).toList();
        return new ChartSpec("bar", labels, List.of(new ChartSpec.Series("open alerts", data)), links);
    }

    private List<TermCount> topHosts(TenantId tenant, Instant from, Instant to) {
        Map<String, Long> sum = new HashMap<>();
        EventQuery all = new EventQuery("*", from, to);
        for (String field : HOST_FIELDS) {
            store.topValues(tenant, all, field, 10).forEach(t -> sum.merge(t.value(), t.count(), Math::max));
        }
        return sum.entrySet().stream().map(e -> new TermCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(TermCount::count).reversed().thenComparing(TermCount::value)).limit(10).toList();
    }
}
