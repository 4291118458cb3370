package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether one anonymised artefact may be promoted to the fleet. Pure: no I/O, no clock, no database.
 *
 * <p>Guarantees: a tenant counts only if it is a customer tenant (never the fleet tenant), its sighting was stamped
 * with fleet-sharing consent granted, and it still consents now; promotion needs at least the policy's N such distinct
 * tenants and the cool-off elapsed since the first counted sighting. Every outcome carries a reason naming the gate.
 */
public final class PromotionEvaluator {

    private final PromotionPolicy policy;

    public PromotionEvaluator(PromotionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The verdict on one artefact.
     *
     * @param sightings       every sighting of the artefact, from any tenant
     * @param consentingNow   the tenants whose fleet-sharing consent is granted now
     * @param now             the decision time
     */
    public Verdict evaluate(ArtefactType type, Collection<FleetSighting> sightings, Set<TenantId> consentingNow,
                            Instant now) {
        int needed = policy.minTenants(type);
        Set<TenantId> counted = new TreeSet<>();
        int fleet = 0;
        Set<TenantId> withdrawn = new TreeSet<>();
        Instant first = null;
        for (FleetSighting s : sightings) {
            if (s.artefactType() != type) {
                throw new IllegalArgumentException("sighting of " + s.artefactType() + " passed to evaluate " + type);
            }
            if (s.tenant().isFleet()) {
                fleet++;
            } else if (s.consentState() != ConsentState.GRANTED || !consentingNow.contains(s.tenant())) {
                withdrawn.add(s.tenant());
            } else {
                counted.add(s.tenant());
                first = first == null || s.firstSeen().isBefore(first) ? s.firstSeen() : first;
            }
        }
        withdrawn.removeAll(counted);
        String excluded = (fleet > 0 ? "; " + fleet + " fleet-tenant sighting(s) not counted" : "")
                + (withdrawn.isEmpty() ? "" : "; " + withdrawn.size() + " tenant(s) without fleet-sharing consent not counted");
        if (counted.size() < needed) {
            return new Verdict(PromotionDecision.Outcome.REFUSE, Gate.TOO_FEW_TENANTS,
                    "not enough distinct consenting tenants: " + counted.size() + " of " + needed + " needed for "
                            + type.external() + excluded, counted.size(), List.copyOf(counted));
        }
        Instant ready = first.plus(policy.coolOff());
        if (now.isBefore(ready)) {
            return new Verdict(PromotionDecision.Outcome.REFUSE, Gate.COOL_OFF,
                    "cool-off not elapsed: first consenting sighting " + first + ", cool-off " + policy.coolOff()
                            + ", promotable from " + ready + excluded, counted.size(), List.copyOf(counted));
        }
        return new Verdict(PromotionDecision.Outcome.PROMOTE, Gate.PASSED, counted.size() + " distinct consenting tenants (>= "
                + needed + ") and cool-off " + policy.coolOff() + " elapsed since " + first + excluded,
                counted.size(), List.copyOf(counted));
    }

    /** Which gate decided. */
    public enum Gate {
        TOO_FEW_TENANTS,
        COOL_OFF,
        PASSED
    }

    /**
     * An evaluation's result.
     *
     * @param counted the distinct consenting customer tenants that counted, sorted
     */
    public record Verdict(PromotionDecision.Outcome outcome, Gate gate, String reason, int distinctTenants,
                          List<TenantId> counted) {
    }
}
