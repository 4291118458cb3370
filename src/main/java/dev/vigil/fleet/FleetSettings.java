package dev.vigil.fleet;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Map;

/**
 * The fleet promotion settings ({@code vigil.fleet.*}). Immutable; bound and checked when the appliance starts
 * ({@link Context}), so a threshold below {@link PromotionPolicy#FLOOR}, a cool-off below
 * {@link PromotionPolicy#COOL_OFF_FLOOR} or an unknown TLP marking stops the start with a message naming the setting.
 *
 * @param minTenants the N per artefact type
 * @param coolOff    per artefact type, how long after its first sighting an artefact must wait before promotion
 * @param defaultTlp the TLP marking given to artefacts this appliance derives from its tenant's alerts
 *                   ({@code vigil.fleet.default-tlp}, default {@code TLP:AMBER})
 */
@Context
@ConfigurationProperties("vigil.fleet")
public record FleetSettings(MinTenants minTenants, CoolOff coolOff,
                            @Bindable(defaultValue = "TLP:AMBER") String defaultTlp) {

    public FleetSettings {
        if (minTenants == null) {
            minTenants = new MinTenants(PromotionPolicy.FLOOR, PromotionPolicy.FLOOR, PromotionPolicy.FLOOR);
        }
        if (coolOff == null) {
            Duration week = Duration.ofDays(7);
            coolOff = new CoolOff(week, week, week);
        }
        policy(minTenants, coolOff);
        if (defaultTlp == null) {
            defaultTlp = Tlp.AMBER.label();
        }
        try {
            defaultTlp = Tlp.parse(defaultTlp).label();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vigil.fleet.default-tlp: " + e.getMessage(), e);
        }
    }

    /** The checked policy. */
    public PromotionPolicy policy() {
        return policy(minTenants, coolOff);
    }

    /** The parsed default TLP marking. */
    public Tlp tlp() {
        return Tlp.parse(defaultTlp);
    }

    private static PromotionPolicy policy(MinTenants m, CoolOff c) {
        return new PromotionPolicy(Map.of(ArtefactType.INDICATOR_HASH, m.indicatorHash(),
                ArtefactType.PATTERN_SHAPE, m.patternShape(), ArtefactType.ANOMALY_FINGERPRINT, m.anomalyFingerprint()),
                Map.of(ArtefactType.INDICATOR_HASH, c.indicatorHash(), ArtefactType.PATTERN_SHAPE, c.patternShape(),
                        ArtefactType.ANOMALY_FINGERPRINT, c.anomalyFingerprint()));
    }

    /** {@code vigil.fleet.min-tenants.*}: N per artefact type, each at least {@link PromotionPolicy#FLOOR}. */
    @ConfigurationProperties("min-tenants")
    public record MinTenants(@Bindable(defaultValue = "3") int indicatorHash,
                             @Bindable(defaultValue = "3") int patternShape,
                             @Bindable(defaultValue = "3") int anomalyFingerprint) {
    }

    /** {@code vigil.fleet.cool-off.*}: the cool-off per artefact type, each at least {@link PromotionPolicy#COOL_OFF_FLOOR}. */
    @ConfigurationProperties("cool-off")
    public record CoolOff(@Bindable(defaultValue = "7d") Duration indicatorHash,
                          @Bindable(defaultValue = "7d") Duration patternShape,
                          @Bindable(defaultValue = "7d") Duration anomalyFingerprint) {
    }
}
