package dev.vigil.fleet;

import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import dev.vigil.control.SwitchDecision;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertClosed;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.Verdict;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The appliance's way into the fleet path: when an alert is closed as {@link Verdict#TRUE_POSITIVE}, derives
 * artefacts from its matched fields ({@link AlertArtefacts}), sights them for the alert's tenant with the default TLP
 * marking ({@code vigil.fleet.default-tlp}) and decides on each ({@link FleetPromotion#sightAndEvaluate}); on the
 * appliance every decision is a hold.
 *
 * <p>Guarantees: acts only after the closing transaction committed; does nothing, and logs that it did nothing and
 * why, when the {@code fleet-promotion} kill switch is off for the tenant; other verdicts are ignored; a failure here
 * is logged and never undoes or fails the close (the verdict is already committed).
 */
@Singleton
public class FleetAlertSightings {

    private static final Logger LOG = LoggerFactory.getLogger(FleetAlertSightings.class);

    private final FleetPromotion fleet;
    private final KillSwitches switches;
    private final FleetSettings settings;

    public FleetAlertSightings(FleetPromotion fleet, KillSwitches switches, FleetSettings settings) {
        this.fleet = fleet;
        this.switches = switches;
        this.settings = settings;
    }

    @TransactionalEventListener
    public void onClosed(AlertClosed closed) {
        Alert alert = closed.alert();
        if (alert.verdict() != Verdict.TRUE_POSITIVE) {
            return;
        }
        SwitchDecision decision = switches.state(AiFeature.FLEET_PROMOTION, alert.tenant());
        if (!decision.enabled()) {
            LOG.info("fleet: alert {} closed as true positive, but the fleet-promotion switch is off for tenant {} ({}):"
                    + " no artefact derived or sighted", alert.id(), alert.tenant(), decision.decidedBy());
            return;
        }
        try {
            List<AlertArtefacts.Candidate> candidates = AlertArtefacts.derive(AlertService.matchedOf(alert));
            if (candidates.isEmpty()) {
                return;
            }
            List<PromotionEvaluator.Verdict> verdicts = fleet.sightAndEvaluate(alert.tenant(), candidates, settings.tlp());
            Map<PromotionDecision.Outcome, Integer> outcomes = new TreeMap<>();
            verdicts.forEach(v -> outcomes.merge(v.outcome(), 1, Integer::sum));
            LOG.info("fleet: alert {} gave {} artefact(s) marked {}: {}", alert.id(), candidates.size(),
                    settings.tlp().label(), outcomes);
        } catch (RuntimeException e) {
            LOG.error("fleet: artefacts of alert {} were not sighted: {}", alert.id(), e.getMessage(), e);
        }
    }
}
