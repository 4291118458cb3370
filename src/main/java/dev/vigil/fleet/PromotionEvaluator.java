package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether one anonymised artefact may be promoted to the fleet. Pure: no I/O, no clock, no database.
 *
 * <p>Guarantees, gates in this order, each outcome with a reason naming the gate:
 * <ol>
 *   <li>{@link Gate#FLEET_TOO_SMALL}: when the registry holds fewer customer tenants than N, the outcome is
 *       {@link PromotionDecision.Outcome#HOLD} with the reason {@code fleet of one: 1 of N tenants} (or
 *       {@code fleet of K: K of N tenants}), never a promotion or refusal;</li>
 *   <li>{@link Gate#RESTRICTED_TLP}: any sighting marked TLP:RED or TLP:AMBER+STRICT, from any tenant, makes the
 *       artefact never eligible (fail closed: a source that forbade sharing vetoes it, whoever else saw it);</li>
 *   <li>{@link Gate#TOO_FEW_TENANTS}: a tenant counts only if it is a customer tenant (never the fleet tenant), its
 *       sighting was stamped with fleet-sharing consent granted, and it still consents now; repeat sightings of one
 *       tenant count once; fewer than the type's N is refused;</li>
 *   <li>{@link Gate#COOL_OFF}: the type's cool-off must have elapsed since the first counted sighting.</li>
 * </ol>
 * No reason and no {@link Verdict#distinctTenants()} ever states a count of tenants below N (only the registry size
 * in the hold reason), and {@link Verdict#counted()} is empty unless the artefact is promoted.
 */
public final class PromotionEvaluator {

    private final PromotionPolicy policy;

    public PromotionEvaluator(PromotionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The policy decided under. */
    public PromotionPolicy policy() {
        return policy;
    }

    /**
     * The verdict on one artefact.
     *
     * @param sightings       every sighting of the artefact, from any tenant
     * @param consentingNow   the tenants whose fleet-sharing consent is granted now
     * @param customerTenants how many customer tenants the registry holds
     * @param now             the decision time
     */
    public Verdict evaluate(ArtefactType type, Collection<FleetSighting> sightings, Set<TenantId> consentingNow,
                            int customerTenants, Instant now) {
        int needed = policy.minTenants(type);
        if (customerTenants < needed) {
            return new Verdict(PromotionDecision.Outcome.HOLD, Gate.FLEET_TOO_SMALL, fleetOf(customerTenants, needed),
                    null, List.of());
        }
        Tally tally = tally(type, sightings, consentingNow);
        if (tally.restricted()) {
            return new Verdict(PromotionDecision.Outcome.REFUSE, Gate.RESTRICTED_TLP, "marked TLP:RED or"
                    + " TLP:AMBER+STRICT by a source: never eligible for " + type.external(), null, List.of());
        }
        if (tally.counted().size() < needed) {
            return new Verdict(PromotionDecision.Outcome.REFUSE, Gate.TOO_FEW_TENANTS, "fewer than " + needed
                    + " distinct consenting tenants, " + needed + " needed for " + type.external() + tally.excluded(),
                    null, List.of());
        }
        Duration coolOff = policy.coolOff(type);
        Instant ready = tally.first().plus(coolOff);
        if (now.isBefore(ready)) {
            return new Verdict(PromotionDecision.Outcome.REFUSE, Gate.COOL_OFF, "cool-off not elapsed: first consenting"
                    + " sighting " + tally.first() + ", cool-off " + coolOff + " for " + type.external()
                    + ", promotable from " + ready + tally.excluded(), tally.counted().size(), List.of());
        }
        return new Verdict(PromotionDecision.Outcome.PROMOTE, Gate.PASSED, tally.counted().size()
                + " distinct consenting tenants (>= " + needed + ") and cool-off " + coolOff + " elapsed since "
                + tally.first() + tally.excluded(), tally.counted().size(), List.copyOf(tally.counted()));
    }

    /**
     * The distinct consenting customer tenants of an artefact as a figure that may be shown: the count when it is at
     * least the type's N, otherwise {@code fewer than N}.
     */
    public String reportableTenants(ArtefactType type, Collection<FleetSighting> sightings, Set<TenantId> consentingNow) {
        int needed = policy.minTenants(type);
        int counted = tally(type, sightings, consentingNow).counted().size();
        return counted >= needed ? Integer.toString(counted) : "fewer than " + needed;
    }

    /** The one-line explanation of a fleet too small to promote, e.g. {@code fleet of one: 1 of 3 tenants}. */
    public static String fleetOf(int customerTenants, int needed) {
        return (customerTenants == 1 ? "fleet of one" : "fleet of " + customerTenants) + ": " + customerTenants + " of "
                + needed + " tenants";
    }

    private static Tally tally(ArtefactType type, Collection<FleetSighting> sightings, Set<TenantId> consentingNow) {
        Set<TenantId> counted = new TreeSet<>();
        boolean fleet = false;
        boolean unconsented = false;
        boolean restricted = false;
        Instant first = null;
        for (FleetSighting s : sightings) {
            if (s.artefactType() != type) {
                throw new IllegalArgumentException("sighting of " + s.artefactType() + " passed to evaluate " + type);
            }
            restricted |= s.tlp() == null || s.tlp().restricted();
            if (s.tenant().isFleet()) {
                fleet = true;
            } else if (s.consentState() != ConsentState.GRANTED || !consentingNow.contains(s.tenant())) {
                unconsented = true;
            } else {
                counted.add(s.tenant());
                first = first == null || s.firstSeen().isBefore(first) ? s.firstSeen() : first;
            }
        }
        String excluded = (fleet ? "; fleet-tenant sightings not counted" : "")
                + (unconsented ? "; sightings without fleet-sharing consent not counted" : "");
        return new Tally(counted, first, restricted, excluded);
    }

    private record Tally(Set<TenantId> counted, Instant first, boolean restricted, String excluded) {
    }

    /** Which gate decided. */
    public enum Gate {
        FLEET_TOO_SMALL,
        RESTRICTED_TLP,
        TOO_FEW_TENANTS,
        COOL_OFF,
        PASSED
    }

    /**
     * An evaluation's result.
     *
     * @param distinctTenants the distinct consenting tenants that counted, or {@code null} when fewer than N
     * @param counted         the tenants that counted, sorted; empty unless the outcome is a promotion
     */
    public record Verdict(PromotionDecision.Outcome outcome, Gate gate, String reason, Integer distinctTenants,
                          List<TenantId> counted) {
    }
}
