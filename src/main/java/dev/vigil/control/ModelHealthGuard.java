package dev.vigil.control;

import dev.vigil.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects model health to the kill switches: features report each inference of a model version here; when its
 * monitor trips, the version's switch is set off for its tenant (fallback: the previous version), audited as
 * {@code system:model-health}, and the listener is told so an alert is raised.
 *
 * <p>Guarantees: {@link #observe} never throws into the caller's inference path; a version trips once until someone
 * clears its switch; an unregistered version is ignored.
 */
public final class ModelHealthGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ModelHealthGuard.class);
    public static final String ACTOR = "system:model-health";

    private final KillSwitches switches;
    private final ModelTripListener listener;
    private final Clock clock;
    private final Map<String, ModelHealthMonitor> monitors = new ConcurrentHashMap<>();

    public ModelHealthGuard(KillSwitches switches, ModelTripListener listener, Clock clock) {
        this.switches = switches;
        this.listener = listener;
        this.clock = clock;
    }

    /** Starts watching a model version against its recorded baseline. */
    public void register(AiFeature feature, TenantId tenant, String modelVersion, ModelBaseline baseline,
                         HealthThresholds thresholds) {
        monitors.put(key(feature, tenant, modelVersion), new ModelHealthMonitor(baseline, thresholds));
    }

    public void observe(AiFeature feature, TenantId tenant, String modelVersion, InferenceOutcome outcome) {
        try {
            ModelHealthMonitor monitor = monitors.get(key(feature, tenant, modelVersion));
            if (monitor == null) {
                return;
            }
            monitor.record(outcome);
            var reason = monitor.assess();
            if (reason.isEmpty() || !switches.state(feature, tenant, null, modelVersion).enabled()) {
                return;
            }
            trip(feature, tenant, modelVersion, reason.get());
        } catch (RuntimeException e) {
            LOG.error("model health: cannot assess {} {}: {}", feature.id(), modelVersion, e.getMessage());
        }
    }

    private synchronized void trip(AiFeature feature, TenantId tenant, String modelVersion, String reason) {
        SwitchTarget target = new SwitchTarget(feature, tenant, null, modelVersion);
        if (switches.table().find(target).filter(s -> !s.enabled()).isPresent()) {
            return;
        }
        switches.set(target, false, "automatic trip: " + reason, ACTOR, "system", tenant, false);
        LOG.warn("model health: switched {} {} of tenant {} to its fallback: {}", feature.id(), modelVersion, tenant, reason);
        listener.tripped(new ModelTrip(feature, tenant, modelVersion, reason, clock.instant()));
    }

    private static String key(AiFeature feature, TenantId tenant, String modelVersion) {
        return feature.id() + "/" + tenant + "/" + modelVersion;
    }
}
