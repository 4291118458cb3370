package dev.vigil.fleet;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * When a fleet artefact may be promoted: at least N distinct consenting customer tenants and a cool-off since the
 * first sighting, both set per artefact type.
 *
 * <p>Guarantees: no N is ever below {@link #FLOOR} and no cool-off below {@link #COOL_OFF_FLOOR}; both floors are
 * fixed here in code and cannot be configured. A value below its floor, a missing type or a missing cool-off throws
 * at construction with a message naming the setting ({@code vigil.fleet.min-tenants.<type>},
 * {@code vigil.fleet.cool-off.<type>}), so an appliance configured that way refuses to start.
 */
public record PromotionPolicy(Map<ArtefactType, Integer> minTenants, Map<ArtefactType, Duration> coolOffs) {

    /** The fewest distinct consenting customer tenants that may ever promote an artefact. */
    public static final int FLOOR = 3;

    /** The shortest cool-off since the first sighting that may ever be configured. */
    public static final Duration COOL_OFF_FLOOR = Duration.ofHours(24);

    public PromotionPolicy {
        Objects.requireNonNull(minTenants, "vigil.fleet.min-tenants");
        Objects.requireNonNull(coolOffs, "vigil.fleet.cool-off");
        EnumMap<ArtefactType, Integer> n = new EnumMap<>(ArtefactType.class);
        EnumMap<ArtefactType, Duration> wait = new EnumMap<>(ArtefactType.class);
        for (ArtefactType type : ArtefactType.values()) {
            Integer min = minTenants.get(type);
            if (min == null) {
                throw new IllegalArgumentException("vigil.fleet.min-tenants." + type.external() + " is not set");
            }
            if (min < FLOOR) {
                throw new IllegalArgumentException("vigil.fleet.min-tenants." + type.external() + " is " + min
                        + ", below the floor of " + FLOOR + " distinct consenting tenants fixed in code; refusing to start");
            }
            Duration coolOff = coolOffs.get(type);
            if (coolOff == null) {
                throw new IllegalArgumentException("vigil.fleet.cool-off." + type.external() + " is not set");
            }
            if (coolOff.compareTo(COOL_OFF_FLOOR) < 0) {
                throw new IllegalArgumentException("vigil.fleet.cool-off." + type.external() + " is " + coolOff
                        + ", below the floor of " + COOL_OFF_FLOOR + " (24 hours) fixed in code; refusing to start");
            }
            n.put(type, min);
            wait.put(type, coolOff);
        }
        minTenants = Map.copyOf(n);
        coolOffs = Map.copyOf(wait);
    }

    /** N for the type. */
    public int minTenants(ArtefactType type) {
        return minTenants.get(type);
    }

    /** The cool-off for the type. */
    public Duration coolOff(ArtefactType type) {
        return coolOffs.get(type);
    }

    /** The lowest N of any type: with fewer customer tenants than this nothing at all can be promoted. */
    public int lowestMinTenants() {
        return minTenants.values().stream().mapToInt(Integer::intValue).min().orElse(FLOOR);
    }

    /**
     * A stable description of the thresholds in force, recorded with every decision, e.g.
     * {@code n=indicator-hash:3,pattern-shape:3,anomaly-fingerprint:3;cool-off=indicator-hash:PT168H,…}.
     */
    public String version() {
        StringBuilder n = new StringBuilder("n=");
        StringBuilder wait = new StringBuilder(";cool-off=");
        for (ArtefactType type : ArtefactType.values()) {
            String sep = type.ordinal() == 0 ? "" : ",";
            n.append(sep).append(type.external()).append(':').append(minTenants(type));
            wait.append(sep).append(type.external()).append(':').append(coolOff(type));
        }
        return n.append(wait).toString();
    }
}
