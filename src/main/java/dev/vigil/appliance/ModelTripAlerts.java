package dev.vigil.appliance;

import dev.vigil.control.ModelTrip;
import dev.vigil.control.ModelTripListener;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Raises a high-level system alert for every automatic trip of a model version, so the analysts who see the queue
 * know an AI feature now runs on its fallback. Never throws: a trip must not fail because alerting did.
 */
public final class ModelTripAlerts implements ModelTripListener {

    /** The rule id system alerts of this kind carry. */
    public static final String RULE_ID = "vigil:model-health";
    private static final Logger LOG = LoggerFactory.getLogger(ModelTripAlerts.class);

    private final AlertSink alerts;

    public ModelTripAlerts(AlertSink alerts) {
        this.alerts = alerts;
    }

    @Override
    public void tripped(ModelTrip trip) {
        try {
            alerts.raise(new AlertCandidate(trip.tenant(), RULE_ID,
                    "AI feature " + trip.feature().id() + " switched to its fallback: model " + trip.modelVersion() + " is unhealthy",
                    RuleLevel.HIGH, List.of(), AlertKind.SYSTEM, trip.at(), trip.at(), List.of(),
                    List.of(new MatchedField("feature", trip.feature().id()), new MatchedField("model", trip.modelVersion()),
                            new MatchedField("reason", trip.reason())),
                    "feature=" + trip.feature().id() + ";model=" + trip.modelVersion()));
        } catch (RuntimeException e) {
            LOG.error("cannot raise the alert for the automatic trip of {} {}: {}", trip.feature().id(), trip.modelVersion(), e.toString());
        }
    }
}
