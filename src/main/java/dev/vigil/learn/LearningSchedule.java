package dev.vigil.learn;

import dev.vigil.fleet.ConsentRequiredException;
import dev.vigil.tenancy.Tenant;
import dev.vigil.tenancy.TenantRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrains each tenant's challenger on a schedule ({@code vigil.learn.interval}, first look one hour after start)
 * when at least {@code vigil.learn.min-new-verdicts} verdicts arrived since its last training.
 *
 * <p>Guarantees: a tenant whose switch is off, whose consent is not granted or whose verdicts are too few is skipped
 * with a log line and nothing changes; one tenant's failure never stops the others.
 */
@Singleton
public class LearningSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(LearningSchedule.class);

    private final FeedbackLearning learning;
    private final TenantRegistry tenants;

    public LearningSchedule(FeedbackLearning learning, TenantRegistry tenants) {
        this.learning = learning;
        this.tenants = tenants;
    }

    @Scheduled(fixedDelay = "${vigil.learn.interval:24h}", initialDelay = "${vigil.learn.initial-delay:1h}")
    void run() {
        for (Tenant t : tenants.all()) {
            if (t.id().isFleet()) {
                continue;
            }
            try {
                if (!learning.due(t.id())) {
                    continue;
                }
                TrainingOutcome o = learning.train(t.id(), FeedbackLearning.SYSTEM, "system", true);
                LOG.info("tenant {}: challenger {} {} ({})", t.id().value(), o.version().label(),
                        o.promoted() ? "promoted" : "kept", o.gate().reason());
            } catch (LearningRefusedException | ConsentRequiredException e) {
                LOG.info("tenant {}: no retraining: {}", t.id().value(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("tenant {}: retraining failed: {}", t.id().value(), e.getMessage(), e);
            }
        }
    }
}
