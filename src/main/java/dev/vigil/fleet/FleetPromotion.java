package dev.vigil.fleet;

import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.Tenant;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantKind;
import dev.vigil.tenancy.TenantRegistry;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The fleet promotion path: records anonymised sightings, decides promotions, and reports what the fleet is.
 *
 * <p>Guarantees: only a keyed hash of a derived artefact is ever stored ({@link Anonymiser}); each sighting is
 * stamped with the tenant's fleet-sharing consent and the policy version in force; every decision, positive or
 * negative, is stored and audited ({@code fleet.promote} / {@code fleet.refuse}, actor {@code system:fleet}, tenant
 * {@code fleet}) in one transaction; a promotion records a data-use row for each tenant that counted, so the tenant's
 * data-use report shows it. Sightings are accepted only from tenants in the registry, so on an appliance holding one
 * customer tenant no artefact can reach the floor of {@link PromotionPolicy#FLOOR} tenants: nothing can leave.
 */
@Singleton
public class FleetPromotion {

    /** The actor recorded on every promotion decision. */
    public static final String ACTOR = "system:fleet";

    private final FleetSightingRepository sightings;
    private final PromotionDecisionRepository decisions;
    private final ConsentService consent;
    private final DataUseLedger ledger;
    private final Anonymiser anonymiser;
    private final PromotionEvaluator evaluator;
    private final FleetSettings settings;
    private final TenantRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;

    public FleetPromotion(FleetSightingRepository sightings, PromotionDecisionRepository decisions,
                          ConsentService consent, DataUseLedger ledger, Anonymiser anonymiser,
                          PromotionEvaluator evaluator, FleetSettings settings, TenantRegistry registry,
                          AuditTrail audit, Clock clock) {
        this.sightings = sightings;
        this.decisions = decisions;
        this.consent = consent;
        this.ledger = ledger;
        this.anonymiser = anonymiser;
        this.evaluator = evaluator;
        this.settings = settings;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records that the tenant saw a derived artefact; only its keyed hash is kept. A tenant's repeated sighting keeps
     * the first one (and its consent stamp). Returns the stored sighting.
     */
    @Transactional
    public FleetSighting sight(TenantId tenant, ArtefactType type, String artefact) {
        if (!registry.exists(tenant)) {
            throw new IllegalArgumentException("unknown tenant " + tenant + ": sightings are accepted only from tenants in the registry");
        }
        String hash = anonymiser.artefactHash(type, artefact);
        return sightings.findByTenantAndArtefactTypeAndArtefactHash(tenant, type, hash).orElseGet(() -> {
            ConsentStamp stamp = consent.stamp(tenant, ConsentScope.FLEET_SHARING);
            return sightings.save(new FleetSighting(UUID.randomUUID().toString(), tenant, type, hash,
                    Instant.now(clock), stamp.state(), stamp.policyVersion()));
        });
    }

    /** Decides on one anonymised artefact (by its hash), stores and audits the decision, and returns it. */
    @Transactional
    public PromotionEvaluator.Verdict evaluate(ArtefactType type, String artefactHash) {
        if (artefactHash == null || !artefactHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("invalid artefact hash '" + artefactHash + "': expected 64 lower-case hex characters");
        }
        List<FleetSighting> seen = sightings.findByArtefactTypeAndArtefactHash(type, artefactHash);
        Set<TenantId> consentingNow = seen.stream().map(FleetSighting::tenant).distinct()
                .filter(t -> !t.isFleet() && consent.stamp(t, ConsentScope.FLEET_SHARING).granted())
                .collect(Collectors.toSet());
        Instant now = Instant.now(clock);
        PromotionEvaluator.Verdict verdict = evaluator.evaluate(type, seen, consentingNow, now);
        PromotionDecision decision = decisions.save(new PromotionDecision(UUID.randomUUID().toString(), type,
                artefactHash, verdict.outcome(), verdict.reason(), verdict.distinctTenants(), now));
        if (verdict.outcome() == PromotionDecision.Outcome.PROMOTE) {
            String usedBy = "fleet:" + type.external() + ":" + artefactHash;
            for (FleetSighting s : seen) {
                if (verdict.counted().contains(s.tenant())) {
                    ledger.record(s.tenant(), "fleet-sighting", s.id(), ConsentScope.FLEET_SHARING, usedBy);
                }
            }
        }
        String action = verdict.outcome() == PromotionDecision.Outcome.PROMOTE ? "fleet.promote" : "fleet.refuse";
        audit.append(new AuditRecord(ACTOR, "system", TenantId.FLEET, action, type.external() + ":" + artefactHash,
                null, "{\"id\":\"" + decision.id() + "\",\"decision\":\"" + verdict.outcome() + "\",\"gate\":\""
                + verdict.gate() + "\",\"distinctTenants\":" + verdict.distinctTenants() + ",\"reason\":\""
                + verdict.reason().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"));
        return verdict;
    }

    /** Every decision about one artefact, oldest first. */
    public List<PromotionDecision> decisions(ArtefactType type, String artefactHash) {
        return decisions.findByArtefactTypeAndArtefactHashOrderByDecidedAt(type, artefactHash);
    }

    /** The keyed hash this appliance's fleet key gives an artefact (what {@link #sight} stores). */
    public String hashOf(ArtefactType type, String artefact) {
        return anonymiser.artefactHash(type, artefact);
    }

    /** What the fleet is here and whether promotion is possible at all. */
    public FleetStatus status() {
        List<Tenant> all = registry.all();
        int customers = (int) all.stream().filter(t -> t.kind() == TenantKind.CUSTOMER && !t.id().isFleet()).count();
        PromotionPolicy policy = settings.policy();
        Map<String, Integer> n = new LinkedHashMap<>();
        int lowest = Integer.MAX_VALUE;
        for (ArtefactType type : ArtefactType.values()) {
            n.put(type.external(), policy.minTenants(type));
            lowest = Math.min(lowest, policy.minTenants(type));
        }
        boolean possible = customers >= lowest;
        String tenantsWord = customers == 1 ? "customer tenant" : "customer tenants";
        String explanation;
        if (possible) {
            explanation = "promotion possible: " + customers + " " + tenantsWord + "; each artefact still needs its N distinct"
                    + " consenting tenants and the cool-off of " + policy.coolOff();
        } else {
            String fleetOf = customers == 1 ? "fleet of one" : "fleet of " + customers;
            String bound = lowest == PromotionPolicy.FLOOR ? "floor " + PromotionPolicy.FLOOR : "lowest threshold " + lowest;
            explanation = fleetOf + ": promotion impossible (" + customers + " " + tenantsWord + " < " + bound + ")";
        }
        return new FleetStatus(all.stream().map(t -> t.id().value() + " (" + t.kind().name().toLowerCase(java.util.Locale.ROOT) + ")").toList(),
                customers, PromotionPolicy.FLOOR, n, policy.coolOff().toString(), possible, explanation,
                decisions.countByDecision(PromotionDecision.Outcome.PROMOTE));
    }
}
