package dev.vigil.analyst.similar;

import dev.vigil.analyst.SimilarVerdictSummary;
import dev.vigil.analyst.SimilarVerdicts;
import dev.vigil.control.AiFeature;
import dev.vigil.control.InFlightWork;
import dev.vigil.control.KillSwitches;
import dev.vigil.control.SwitchDecision;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertRepository;
import dev.vigil.detect.alert.NoSuchAlertException;
import dev.vigil.store.AlertVectorStore;
import dev.vigil.store.VectorNeighbour;
import dev.vigil.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Similar-alert retrieval: embeds alerts ({@link AlertText}, {@link AlertEmbedder}), keeps the vectors in the
 * tenant's {@link AlertVectorStore}, and answers which past alerts of the same tenant are nearest, with how they were
 * triaged (joined from the alerts table at question time, so a later verdict shows at once).
 *
 * <p>Guarantees: every question and every vector is scoped to one tenant; the alert asked about is never among its
 * own neighbours; an alert not yet indexed (raised while similarity was off, or still queued) is embedded on the spot
 * for the question, not stored; when {@link AiFeature#SIMILAR_ALERTS} is off for the tenant nothing is embedded or
 * searched: {@link #nearest} answers no alerts with the reason and {@link #summarise} {@link SimilarVerdictSummary#NONE}.
 * {@link #summarise} never throws: a failure is logged and answered with {@code NONE}.
 */
public final class SimilarAlerts implements SimilarVerdicts {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarAlerts.class);

    /** The most neighbours {@link #nearest} returns. */
    public static final int MAX_K = 50;
    /**
     * Similarity at or above which a closed alert's verdict counts in {@link #summarise}. Alerts of the same rule on
     * other hosts, users or command lines score about 0.9 and more with the shipped model; alerts of different rules
     * about related techniques mostly below 0.8.
     */
    public static final double VERDICT_THRESHOLD = 0.80;
    /** At most this many nearest similar closed alerts count in {@link #summarise}. */
    public static final int VERDICT_NEIGHBOURS = 10;
    /** Candidates fetched from the index for {@link #summarise}, before keeping closed ones above the threshold. */
    private static final int VERDICT_CANDIDATES = 50;

    private final AlertEmbedder embedder;
    private final AlertVectorStore vectors;
    private final AlertRepository alerts;
    private final KillSwitches switches;
    private final InFlightWork inFlight;
    private final VerdictTally tally = new VerdictTally(VERDICT_THRESHOLD, VERDICT_NEIGHBOURS);

    public SimilarAlerts(AlertEmbedder embedder, AlertVectorStore vectors, AlertRepository alerts, KillSwitches switches,
                         InFlightWork inFlight) {
        this.embedder = embedder;
        this.vectors = vectors;
        this.alerts = alerts;
        this.switches = switches;
        this.inFlight = inFlight;
    }

    /**
     * The {@code k} past alerts of the tenant nearest to its alert {@code alertId}, nearest first, and the verdicts
     * of the similar closed ones (as {@link #summarise} counts them).
     *
     * @throws NoSuchAlertException     when the tenant has no such alert
     * @throws IllegalArgumentException when k is not between 1 and {@value #MAX_K}
     */
    public SimilarAlertsResult nearest(TenantId tenant, String alertId, int k) {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", was " + k);
        }
        Alert alert = alert(tenant, alertId);
        SwitchDecision decision = switches.state(AiFeature.SIMILAR_ALERTS, tenant);
        if (!decision.enabled()) {
            return new SimilarAlertsResult(alertId, false, offReason(decision), List.of(), SimilarVerdictSummary.NONE);
        }
        List<SimilarAlert> near = neighbours(tenant, alert, Math.max(k, VERDICT_CANDIDATES));
        return new SimilarAlertsResult(alertId, true, null, near.subList(0, Math.min(k, near.size())), tally.summarise(near));
    }

    /**
     * The tenant's alert.
     *
     * @throws NoSuchAlertException when the tenant has no such alert
     */
    public Alert alert(TenantId tenant, String alertId) {
        return alerts.findByTenantAndId(tenant, alertId).orElseThrow(() -> new NoSuchAlertException(alertId));
    }

    @Override
    public SimilarVerdictSummary summarise(TenantId tenant, Alert alert) {
        try {
            if (!alert.tenant().equals(tenant) || !switches.state(AiFeature.SIMILAR_ALERTS, tenant).enabled()) {
                return SimilarVerdictSummary.NONE;
            }
            return tally.summarise(neighbours(tenant, alert, VERDICT_CANDIDATES));
        } catch (RuntimeException e) {
            LOG.warn("similar alerts: cannot summarise verdicts near {} of tenant {}: {}", alert.id(), tenant, e.getMessage());
            return SimilarVerdictSummary.NONE;
        }
    }

    /**
     * Embeds and stores the vectors of newly raised alerts, grouped by tenant, skipping tenants whose similarity is
     * switched off. Returns how many were stored.
     */
    public int index(List<Alert> raised) {
        Map<TenantId, List<Alert>> byTenant = new LinkedHashMap<>();
        raised.forEach(a -> byTenant.computeIfAbsent(a.tenant(), t -> new ArrayList<>()).add(a));
        int stored = 0;
        for (Map.Entry<TenantId, List<Alert>> e : byTenant.entrySet()) {
            TenantId tenant = e.getKey();
            if (!switches.state(AiFeature.SIMILAR_ALERTS, tenant).enabled()) {
                continue;
            }
            Map<String, float[]> batch = new LinkedHashMap<>();
            for (Alert alert : e.getValue()) {
                batch.put(alert.id(), embed(tenant, alert));
            }
            vectors.putAll(tenant, batch);
            stored += batch.size();
        }
        return stored;
    }

    private List<SimilarAlert> neighbours(TenantId tenant, Alert alert, int k) {
        float[] query = vectors.vector(tenant, alert.id()).orElseGet(() -> embed(tenant, alert));
        List<SimilarAlert> found = new ArrayList<>();
        for (VectorNeighbour n : vectors.nearest(tenant, query, k, Set.of(alert.id()))) {
            Optional<Alert> past = alerts.findByTenantAndId(tenant, n.alertId());
            past.ifPresent(p -> found.add(SimilarAlert.of(p, n.similarity())));
        }
        return found;
    }

    private float[] embed(TenantId tenant, Alert alert) {
        try (InFlightWork.Ticket ignored = inFlight.begin(AiFeature.SIMILAR_ALERTS, tenant)) {
            return embedder.embed(AlertText.of(alert));
        }
    }

    private static String offReason(SwitchDecision decision) {
        return "similar alerts are switched off (" + decision.decidedBy() + "): "
                + (decision.fallback() == null ? AiFeature.SIMILAR_ALERTS.fallback() : decision.fallback()).description();
    }
}
