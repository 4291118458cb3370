package dev.vigil.learn;

import dev.vigil.analyst.triage.FeatureSchema;
import dev.vigil.analyst.triage.TriageModel;
import dev.vigil.analyst.triage.TriageModelSource;
import dev.vigil.analyst.triage.TriageModels;
import dev.vigil.analyst.triage.TriageService;
import dev.vigil.analyst.triage.TriageSession;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.annotation.Primary;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's triage model in force: its registry's champion when it has one, else the shipped factory model.
 *
 * <p>Guarantees: a champion is loaded only from an artifact whose SHA-256 is the registry's and whose schema is this
 * code's; a champion that fails those checks is refused, logged, and the tenant gets rules-only severity with the
 * reason (never another tenant's model, never a silent substitute); a promotion or rollback takes effect for the next
 * scored alert after it commits. Sessions replaced by a move are closed at shutdown, not while a batch may hold them.
 */
@Singleton
@Primary
public class Champions implements TriageModelSource {

    private static final Logger LOG = LoggerFactory.getLogger(Champions.class);

    private final ModelRegistry registry;
    private final TriageModels factory;
    private final Map<TenantId, Resolution> loaded = new ConcurrentHashMap<>();
    private final List<TriageSession> opened = new ArrayList<>();

    public Champions(ModelRegistry registry, TriageModels factory) {
        this.registry = registry;
        this.factory = factory;
    }

    @Override
    public Resolution resolve(TenantId tenant) {
        return loaded.computeIfAbsent(tenant, this::load);
    }

    /** Drops the tenant's loaded model once a move commits; the next alert loads the new champion. */
    @TransactionalEventListener
    public void onMoved(ChampionMoved moved) {
        loaded.remove(moved.tenant());
    }

    private Resolution load(TenantId tenant) {
        var champion = registry.champion(tenant);
        if (champion.isEmpty()) {
            return factory.resolve(tenant);
        }
        ModelVersion v = champion.get();
        if (v.status() == ModelStatus.FACTORY && factory.factory().map(f -> f.sha256().equals(v.artifactSha256())).orElse(false)) {
            return factory.resolve(tenant); // the very same bytes: share the factory session
        }
        try {
            if (!v.schemaHash().equals(FeatureSchema.CURRENT.hash())) {
                throw new TamperedArtifactException(v.label(), "it reads feature schema " + v.schemaHash()
                        + ", this appliance computes " + FeatureSchema.CURRENT.hash());
            }
            byte[] artifact = registry.artifact(v);
            TriageModel parameters = TriageModel.fromOnnx(artifact, FeatureSchema.CURRENT);
            TriageSession session = new TriageSession(artifact, FeatureSchema.CURRENT.size());
            synchronized (opened) {
                opened.add(session);
            }
            LOG.info("tenant {}: triage champion {} loaded (sha256 {})", tenant.value(), v.label(), v.artifactSha256());
            return Resolution.of(new TriageService.LoadedModel(session, parameters, v.label()));
        } catch (RuntimeException e) {
            LOG.error("tenant {}: {}; its alerts get rules-only severity until an admin rolls back or promotes",
                    tenant.value(), e.getMessage());
            return Resolution.none("champion " + v.label() + " refused: " + e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        synchronized (opened) {
            opened.forEach(TriageSession::close);
            opened.clear();
        }
    }
}
