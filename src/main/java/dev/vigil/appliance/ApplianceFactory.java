package dev.vigil.appliance;

import dev.vigil.audit.AuditTrail;
import dev.vigil.event.EventObserver;
import dev.vigil.ingest.EventNormalizer;
import dev.vigil.ingest.IndexingPipeline;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolSettings;
import dev.vigil.store.EventStore;
import dev.vigil.store.StoreSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Creates the appliance's process-wide singletons that are not beans by themselves. */
@Factory
public class ApplianceFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Bean(preDestroy = "close")
    AuditTrail auditTrail(VigilSettings settings, Clock clock) {
        return new AuditTrail(settings.dataDir().resolve("audit"), clock, settings.policyVersion());
    }

    @Singleton
    @Bean(preDestroy = "close")
    Spool spool(VigilSettings settings) {
        return new Spool(new SpoolSettings(settings.dataDir().resolve("spool"), 64L << 20, settings.spoolMaxBytes()));
    }

    @Singleton
    @Bean(preDestroy = "close")
    EventStore eventStore(VigilSettings settings) {
        return new EventStore(StoreSettings.defaults(settings.dataDir().resolve("events")));
    }

    @Singleton
    IndexingPipeline indexingPipeline(Spool spool, EventStore store, EventNormalizer normalizer, Clock clock,
                                      List<EventObserver> observers) {
        return new IndexingPipeline(spool, store, normalizer, Duration.ofSeconds(1),
                Math.max(1, Runtime.getRuntime().availableProcessors()), clock, observers);
    }
}
