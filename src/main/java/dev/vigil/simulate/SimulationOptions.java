package dev.vigil.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to simulate: the seed, the size of the estate, the time window and which attack chains to plant.
 *
 * <p>Instances are always valid: 1 to 100,000 hosts, a duration from one minute to 30 days, a start between the years
 * 2000 and 2100. Equal options give byte-identical output.
 *
 * @param seed     the only source of randomness
 * @param hosts    number of hosts in the simulated estate
 * @param duration length of the simulated window
 * @param start    first instant of the window
 * @param attacks  attack chains to plant (may be empty for purely benign data)
 */
public record SimulationOptions(long seed, int hosts, Duration duration, Instant start, Set<AttackKind> attacks) {

    /** The start used when none is given: Monday 2026-01-05 00:00 UTC, fixed so that output is reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");
    /** Largest supported estate. */
    public static final int MAX_HOSTS = 100_000;
    /** Shortest supported window. */
    public static final Duration MIN_DURATION = Duration.ofMinutes(1);
    /** Longest supported window. */
    public static final Duration MAX_DURATION = Duration.ofDays(30);

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** Validates and defensively copies the attack set. */
    public SimulationOptions {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(attacks, "attacks");
        if (hosts < 1 || hosts > MAX_HOSTS) {
            throw new IllegalArgumentException("hosts must be between 1 and " + MAX_HOSTS + ", was " + hosts);
        }
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(
                    "duration must be between 1 minute and 30 days, was " + duration.toString().substring(2).toLowerCase());
        }
        if (start.isBefore(EARLIEST) || start.plus(duration).isAfter(LATEST)) {
            throw new IllegalArgumentException("start must lie between 2000-01-01 and 2100-01-01, was " + start);
        }
        attacks = attacks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(attacks));
    }

    /** Options with the command's defaults: 20 hosts, 24 hours from {@link #DEFAULT_START}, every attack. */
    public static SimulationOptions defaults(long seed) {
        return new SimulationOptions(seed, 20, Duration.ofHours(24), DEFAULT_START, EnumSet.allOf(AttackKind.class));
    }

    /** The end of the window (exclusive). */
    public Instant end() {
        return start.plus(duration);
    }

    /** The attacks in declaration order, for stable iteration. */
    public Set<AttackKind> attacksInOrder() {
        return attacks.isEmpty() ? EnumSet.noneOf(AttackKind.class) : EnumSet.copyOf(attacks);
    }
}
