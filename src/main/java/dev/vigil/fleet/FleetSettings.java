package dev.vigil.fleet;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Map;

/**
 * The fleet promotion settings ({@code vigil.fleet.*}). Bound and checked when the appliance starts ({@link Context}),
 * so a threshold below {@link PromotionPolicy#FLOOR} stops the start with a message naming the setting.
 *
 * @param minTenants the N per artefact type
 * @param coolOff    how long after its first sighting an artefact must wait before it can be promoted
 */
@Context
@ConfigurationProperties("vigil.fleet")
public record FleetSettings(MinTenants minTenants, @Bindable(defaultValue = "7d") Duration coolOff) {

    public FleetSettings {
        if (minTenants == null) {
            minTenants = new MinTenants(PromotionPolicy.FLOOR, PromotionPolicy.FLOOR, PromotionPolicy.FLOOR);
        }
        policy(minTenants, coolOff);
    }

    /** The checked policy. */
    public PromotionPolicy policy() {
        return policy(minTenants, coolOff);
    }

    private static PromotionPolicy policy(MinTenants m, Duration coolOff) {
        return new PromotionPolicy(Map.of(ArtefactType.INDICATOR_HASH, m.indicatorHash(),
                ArtefactType.PATTERN_SHAPE, m.patternShape(), ArtefactType.ANOMALY_FINGERPRINT, m.anomalyFingerprint()),
                coolOff);
    }

    /** {@code vigil.fleet.min-tenants.*}: N per artefact type, each at least {@link PromotionPolicy#FLOOR}. */
    @ConfigurationProperties("min-tenants")
    public record MinTenants(@Bindable(defaultValue = "3") int indicatorHash,
                             @Bindable(defaultValue = "3") int patternShape,
                             @Bindable(defaultValue = "3") int anomalyFingerprint) {
    }
}
