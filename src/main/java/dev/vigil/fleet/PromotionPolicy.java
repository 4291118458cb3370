package dev.vigil.fleet;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * When a fleet artefact may be promoted: at least N distinct consenting customer tenants per artefact type, and a
 * cool-off since the first sighting.
 *
 * <p>Guarantees: no N is ever below {@link #FLOOR}, which is fixed here in code and cannot be configured; a value
 * below it, a missing type or a negative cool-off throws at construction with a message naming the setting, so an
 * appliance configured that way refuses to start.
 */
public record PromotionPolicy(Map<ArtefactType, Integer> minTenants, Duration coolOff) {

    /** The fewest distinct consenting customer tenants that may ever promote an artefact. */
    public static final int FLOOR = 3;

    public PromotionPolicy {
        Objects.requireNonNull(minTenants, "minTenants");
        Objects.requireNonNull(coolOff, "vigil.fleet.cool-off");
        EnumMap<ArtefactType, Integer> copy = new EnumMap<>(ArtefactType.class);
        for (ArtefactType type : ArtefactType.values()) {
            Integer n = minTenants.get(type);
            if (n == null) {
                throw new IllegalArgumentException("vigil.fleet.min-tenants." + type.external() + " is not set");
            }
            if (n < FLOOR) {
                throw new IllegalArgumentException("vigil.fleet.min-tenants." + type.external() + " is " + n
                        + ", below the floor of " + FLOOR + " distinct consenting tenants fixed in code; refusing to start");
            }
            copy.put(type, n);
        }
        if (coolOff.isNegative()) {
            throw new IllegalArgumentException("vigil.fleet.cool-off cannot be negative, was " + coolOff);
        }
        minTenants = Map.copyOf(copy);
    }

    /** N for the type. */
    public int minTenants(ArtefactType type) {
        return minTenants.get(type);
    }
}
