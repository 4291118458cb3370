package dev.vigil.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.tenancy.TenantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the fleet tenant received, read from the same tables the promotion path writes: per anonymised artefact its
 * type, keyed hash, how many distinct consenting tenants saw it, its first sighting and the latest decision; and the
 * artefacts promoted and not revoked, for export.
 *
 * <p>Guarantees: names no tenant; a count of tenants is shown only when it reaches the type's N, otherwise as
 * {@code fewer than N}; an artefact is "promoted" only while its latest decision is {@code PROMOTE}, so a revoked
 * one is never exported.
 */
@Singleton
public class FleetReceipts {

    private final FleetSightingRepository sightings;
    private final PromotionDecisionRepository decisions;
    private final ConsentService consent;
    private final PromotionEvaluator evaluator;

    public FleetReceipts(FleetSightingRepository sightings, PromotionDecisionRepository decisions, ConsentService consent,
                         PromotionEvaluator evaluator) {
        this.sightings = sightings;
        this.decisions = decisions;
        this.consent = consent;
        this.evaluator = evaluator;
    }

    /** One artefact the fleet received. */
    @Serdeable
    public record Received(String artefactType, String artefactHash, String tenants, Instant firstSeen,
                           @Nullable String decision, @Nullable Instant decidedAt, @Nullable String reason) {
    }

    /**
     * A promoted artefact as exported: {@code tenants} is the count that promoted it (at least N), {@code firstSeen}
     * and {@code lastSeen} the earliest and latest first sightings of consenting customer tenants, {@code tlp} the
     * strictest marking any sighting carries.
     */
    public record Promoted(ArtefactType type, String hash, int tenants, Instant firstSeen, Instant lastSeen,
                           Instant promotedAt, Tlp tlp) {
    }

    /** Every artefact received, oldest first sighting first. */
    public List<Received> received() {
        Map<String, PromotionDecision> latest = latestDecisions();
        Set<TenantId> consenting = new java.util.HashSet<>();
        Map<TenantId, Boolean> asked = new HashMap<>();
        List<Received> out = new ArrayList<>();
        for (List<FleetSighting> group : byArtefact().values()) {
            FleetSighting first = group.getFirst();
            for (FleetSighting s : group) {
                if (!s.tenant().isFleet() && asked.computeIfAbsent(s.tenant(),
                        t -> consent.stamp(t, ConsentScope.FLEET_SHARING).granted())) {
                    consenting.add(s.tenant());
                }
            }
            PromotionDecision d = latest.get(key(first.artefactType(), first.artefactHash()));
            out.add(new Received(first.artefactType().external(), first.artefactHash(),
                    evaluator.reportableTenants(first.artefactType(), group, consenting), first.firstSeen(),
                    d == null ? null : d.decision().name(), d == null ? null : d.decidedAt(), d == null ? null : d.reason()));
        }
        return out;
    }

    /** The artefacts whose latest decision is a promotion, in promotion order. */
    public List<Promoted> promoted() {
        Map<String, List<FleetSighting>> groups = byArtefact();
        List<Promoted> out = new ArrayList<>();
        for (PromotionDecision d : latestDecisions().values()) {
            Integer count = d.distinctTenants();
            if (d.decision() != PromotionDecision.Outcome.PROMOTE || count == null
                    || count < evaluator.policy().minTenants(d.artefactType())) {
                continue;
            }
            List<FleetSighting> group = groups.getOrDefault(key(d.artefactType(), d.artefactHash()), List.of());
            List<Instant> seen = group.stream().filter(s -> !s.tenant().isFleet() && s.consentState() == ConsentState.GRANTED)
                    .map(FleetSighting::firstSeen).sorted().toList();
            Tlp tlp = group.stream().map(FleetSighting::tlp).reduce(Tlp.CLEAR, Tlp::stricter);
            if (seen.isEmpty() || tlp.restricted()) {
                continue;
            }
            out.add(new Promoted(d.artefactType(), d.artefactHash(), count, seen.getFirst(), seen.getLast(),
                    d.decidedAt(), tlp));
        }
        out.sort(Comparator.comparing(Promoted::promotedAt).thenComparing(Promoted::hash));
        return out;
    }

    /** The promoted artefacts as a STIX 2.1 bundle ({@link StixBundle}). */
    public ObjectNode stix() {
        return new StixBundle().bundle(promoted(), evaluator.policy()::minTenants);
    }

    private Map<String, List<FleetSighting>> byArtefact() {
        return sightings.findAllOrderByFirstSeen().stream().collect(Collectors.groupingBy(
                s -> key(s.artefactType(), s.artefactHash()), LinkedHashMap::new, Collectors.toList()));
    }

    private Map<String, PromotionDecision> latestDecisions() {
        Map<String, PromotionDecision> latest = new LinkedHashMap<>();
        for (PromotionDecision d : decisions.findByTenantOrderByDecidedAt(TenantId.FLEET)) {
            latest.put(key(d.artefactType(), d.artefactHash()), d);
        }
        return latest;
    }

    private static String key(ArtefactType type, String hash) {
        return type.name() + ":" + hash;
    }
}
