package dev.vigil.appliance;

import dev.vigil.ingest.IndexingPipeline;
import dev.vigil.ingest.spool.Spool;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/**
 * The appliance's own metrics for Prometheus ({@code /prometheus}), in Micrometer naming:
 * {@code vigil_ingest_events_total}, {@code vigil_ingest_parse_errors_total}, {@code vigil_spool_depth_records},
 * {@code vigil_spool_depth_bytes}, {@code vigil_spool_rejected_total}, {@code vigil_index_lag_seconds}, and per
 * listener (registered by the appliance as it starts them, see {@link #bindListener})
 * {@code vigil_listener_received_total}/{@code _dropped_total}/{@code _errors_total} (tag {@code listener}).
 */
@Singleton
public class ApplianceMetrics implements MeterBinder {

    private final IndexingPipeline pipeline;
    private final Spool spool;

    public ApplianceMetrics(IndexingPipeline pipeline, Spool spool) {
        this.pipeline = pipeline;
        this.spool = spool;
    }

    /** Registers the counters of one listener or tailer; called by the appliance as it starts each. */
    public static void bindListener(MeterRegistry registry, String name, dev.vigil.ingest.ListenerCounters counters) {
        FunctionCounter.builder("vigil.listener.received", counters, c -> c.snapshot().received())
                .tag("listener", name).register(registry);
        FunctionCounter.builder("vigil.listener.dropped", counters, c -> c.snapshot().dropped())
                .tag("listener", name).register(registry);
        FunctionCounter.builder("vigil.listener.errors", counters, c -> c.snapshot().errors())
                .tag("listener", name).register(registry);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("vigil.ingest.events", pipeline, p -> p.stats().indexed())
                .description("events normalised and indexed").register(registry);
        FunctionCounter.builder("vigil.ingest.parse.errors", pipeline, p -> p.stats().parseErrors())
                .description("events stored raw with a parse error").register(registry);
        Gauge.builder("vigil.spool.depth.records", spool, s -> s.depth().records())
                .description("durable records waiting to be indexed and committed").register(registry);
        Gauge.builder("vigil.spool.depth.bytes", spool, s -> s.depth().bytes()).baseUnit("bytes")
                .description("bytes held by the spool").register(registry);
        FunctionCounter.builder("vigil.spool.rejected", spool, s -> s.counters().rejectedRecords())
                .description("records refused because the spool was full").register(registry);
        Gauge.builder("vigil.index.lag", pipeline, p -> p.stats().indexLagMillis() / 1000.0).baseUnit("seconds")
                .description("time from receipt to indexing of the last indexed event").register(registry);
    }
}
