package dev.vigil.fleet;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Withdrawn fleet-sharing consent revokes what no longer qualifies: on {@link ConsentWithdrawn} of
 * {@link ConsentScope#FLEET_SHARING} it recounts every promoted artefact the tenant contributed to
 * ({@link FleetPromotion#recountAfterWithdrawal}).
 *
 * <p>Guarantees: runs synchronously in the withdrawal's transaction, so the withdrawal, each {@code REVOKE} decision
 * and their audit entries commit together: no reader ever sees the consent withdrawn while a promotion it no longer
 * supports is still exported; if the recount fails, the withdrawal fails with it and the caller is told (nothing is
 * left half-done). Other scopes are ignored.
 */
@Singleton
public class FleetRevocation {

    private static final Logger LOG = LoggerFactory.getLogger(FleetRevocation.class);

    private final FleetPromotion fleet;

    public FleetRevocation(FleetPromotion fleet) {
        this.fleet = fleet;
    }

    @EventListener
    public void onWithdrawal(ConsentWithdrawn withdrawn) {
        if (withdrawn.scope() != ConsentScope.FLEET_SHARING) {
            return;
        }
        List<PromotionDecision> revoked = fleet.recountAfterWithdrawal(withdrawn.tenant());
        if (!revoked.isEmpty()) {
            LOG.info("fleet: {} promoted artefact(s) revoked after a withdrawal of fleet-sharing consent", revoked.size());
        }
    }
}
