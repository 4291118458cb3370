package dev.vigil.analyst.similar;

import dev.vigil.appliance.VigilSettings;
import dev.vigil.control.InFlightWork;
import dev.vigil.control.KillSwitches;
import dev.vigil.detect.alert.AlertRepository;
import dev.vigil.store.AlertVectorStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The similar-alert beans: the shipped MiniLM embedder (one ONNX Runtime session with one intra-op thread per
 * caller, so each of the {@link AlertVectorIndexer#WORKERS} indexer workers takes at most one core, and only while
 * alerts are queued), the per-tenant vector indexes beside the event store's
 * day indexes under {@code <data>/events/}, and the service over both.
 */
@Factory
public class SimilarAlertsFactory {

    @Singleton
    @Bean(preDestroy = "close")
    AlertEmbedder alertEmbedder() {
        return AlertEmbedder.miniLm(1);
    }

    @Singleton
    @Bean(preDestroy = "close")
    AlertVectorStore alertVectorStore(VigilSettings settings) {
        return new AlertVectorStore(settings.dataDir().resolve("events"), MiniLm.DIMENSIONS);
    }

    @Singleton
    SimilarAlerts similarAlerts(AlertEmbedder embedder, AlertVectorStore vectors, AlertRepository alerts,
                                KillSwitches switches, InFlightWork inFlight) {
        return new SimilarAlerts(embedder, vectors, alerts, switches, inFlight);
    }
}
