package dev.vigil.console.api;

import dev.vigil.appliance.Appliance;
import dev.vigil.ingest.IndexingPipeline;
import dev.vigil.ingest.ListenerCounters;
import dev.vigil.ingest.PipelineStats;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolDepth;
import dev.vigil.store.EventStore;
import dev.vigil.store.StoreStats;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import dev.vigil.cli.VigilVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/status} (what the appliance is doing, for the caller's tenant) and {@code /api/v1/health} (open,
 * for supervisors: UP while indexing runs, DOWN with the reason when it has failed).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusController {

    private final Appliance appliance;
    private final EventStore store;
    private final Spool spool;
    private final IndexingPipeline pipeline;
    private final Clock clock;

    public StatusController(Appliance appliance, EventStore store, Spool spool, IndexingPipeline pipeline, Clock clock) {
        this.appliance = appliance;
        this.store = store;
        this.spool = spool;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @Get("/status")
    public Status status(HttpRequest<?> request) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        StoreStats s = store.stats(caller.tenant());
        PipelineStats p = pipeline.stats();
        SpoolDepth depth = spool.depth();
        Duration up = Duration.between(appliance.startedAt(), clock.instant());
        List<Listener> listeners = appliance.listenerCounters().entrySet().stream()
                .map(e -> Listener.of(e.getKey(), e.getValue())).toList();
        return new Status(new VigilVersion().getVersion()[0], formatUptime(up), caller.tenant().value(),
                appliance.runtimeInfo().httpUrl(),
                new StoreView(s.documents(), s.dayIndexes(), s.bytesOnDisk(), s.oldestDay(), s.newestDay()),
                new PipelineView(p.indexed(), p.parseErrors(), p.parseErrorsByConnector(), p.indexedByConnector(),
                        depth.records(), depth.bytes(), depth.capacityBytes(), p.indexLagMillis(), p.indexedSequence(),
                        p.durableSequence(), pipeline.failure() == null ? null : pipeline.failure().getMessage()),
                listeners);
    }

    @Get("/health")
    public Map<String, String> health() {
        Throwable failure = pipeline.failure();
        return failure == null ? Map.of("status", "UP") : Map.of("status", "DOWN", "reason", "indexing stopped: " + failure.getMessage());
    }

    private static String formatUptime(Duration d) {
        return d.toDays() > 0 ? d.toDays() + "d " + d.toHoursPart() + "h" : d.toHours() + "h " + d.toMinutesPart() + "m " + d.toSecondsPart() + "s";
    }

    /** The status document. */
    @Serdeable
    public record Status(String version, String uptime, String tenant, String httpUrl, StoreView store,
                         PipelineView pipeline, List<Listener> listeners) {
    }

    /** The tenant's event store. */
    @Serdeable
    public record StoreView(long documents, int dayIndexes, long bytes, @Nullable LocalDate oldestDay,
                            @Nullable LocalDate newestDay) {
    }

    /** Ingest and indexing progress (appliance-wide). */
    @Serdeable
    public record PipelineView(long indexed, long parseErrors, Map<String, Long> parseErrorsByConnector,
                               Map<String, Long> indexedByConnector, long spoolDepth, long spoolBytes,
                               long spoolCapacityBytes, long indexLagMillis, long indexedSequence, long durableSequence,
                               @Nullable String failure) {
    }

    /** One transport's counters. */
    @Serdeable
    public record Listener(String name, long received, long spooled, long dropped, long errors) {
        static Listener of(String name, ListenerCounters.Snapshot s) {
            return new Listener(name, s.received(), s.spooled(), s.dropped(), s.errors());
        }
    }
}
