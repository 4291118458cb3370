package dev.vigil.analyst.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyst.triage.AlertTriage;
import dev.vigil.analyst.triage.AlertTriageRepository;
import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertRaised;
import dev.vigil.detect.alert.AlertRepository;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.AlertStatus;
import dev.vigil.detect.alert.Verdict;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups each new alert into an incident and answers for incidents.
 *
 * <p>Guarantees: grouping runs after the alert's transaction commits, in its own transaction with its audit entries
 * ({@code incident.open}, {@code incident.add}, {@code incident.merge}); an alert joins only incidents of its own
 * tenant; a grouping failure is logged and never fails the alert; closing an incident gives every open alert of it the
 * analyst's verdict through {@link AlertService#close} (each audited and fed to learning) and is audited itself.
 * Scores and timelines are computed when read, so triage that arrives later is always reflected.
 */
@Singleton
public class IncidentService {

    /** The actor grouping is recorded under. */
    public static final String SYSTEM = "system:incidents";
    private static final Logger LOG = LoggerFactory.getLogger(IncidentService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private final IncidentRepository incidents;
    private final IncidentAlertRepository members;
    private final AlertRepository alerts;
    private final AlertTriageRepository triage;
    private final AlertService alertService;
    private final AuditTrail audit;
    private final Clock clock;
    private final IncidentGrouping grouping;
    private final AlertEntities entities;
    private final SecureRandom random = new SecureRandom();
    private final Object groupingLock = new Object();

    public IncidentService(IncidentRepository incidents, IncidentAlertRepository members, AlertRepository alerts,
                           AlertTriageRepository triage, AlertService alertService, AuditTrail audit, Clock clock,
                           @Value("${vigil.analyst.incident.window:2h}") Duration window,
                           @Value("${vigil.analyst.incident.stop-list:}") List<String> extraStopList) {
        this.incidents = incidents;
        this.members = members;
        this.alerts = alerts;
        this.triage = triage;
        this.alertService = alertService;
        this.audit = audit;
        this.clock = clock;
        this.grouping = new IncidentGrouping(window);
        Set<String> stop = new TreeSet<>(AlertEntities.DEFAULT_STOP_LIST);
        stop.addAll(extraStopList);
        this.entities = new AlertEntities(stop);
    }

    /** Groups a committed new alert. */
    @TransactionalEventListener
    public void onRaised(AlertRaised event) {
        try {
            synchronized (groupingLock) { // the whole transaction, so the next alert sees this one's incident committed
                group(event.alert());
            }
        } catch (RuntimeException e) {
            LOG.error("alert {} was not grouped into an incident: {}", event.alert().id(), e.getMessage(), e);
        }
    }

    /** Places one alert (idempotent: an alert already in an incident stays where it is). */
    @Transactional
    public Incident group(Alert a) {
        TenantId tenant = a.tenant();
        Optional<IncidentAlert> already = members.findFirstByTenantAndAlertId(tenant, a.id());
        if (already.isPresent()) {
            return incidents.findByTenantAndId(tenant, already.get().incidentId()).orElseThrow();
        }
        Set<Entity> named = entities.of(a.groupKey(), AlertService.matchedOf(a));
        List<Incident> candidates = named.isEmpty() ? List.of() : incidents.findByTenantAndStatusAndLastAlertAtGreaterThanEquals(
                tenant, Incident.OPEN, a.firstSeen().minus(grouping.window()));
        List<IncidentGrouping.Open> open = candidates.stream()
                .map(i -> new IncidentGrouping.Open(i.id(), i.openedAt(), i.lastAlertAt(), i.entitySet())).toList();
        IncidentGrouping.Placement p = grouping.place(a.firstSeen(), named, open);
        Instant now = clock.instant();
        if (p.opensNew()) {
            String where = named.stream().filter(e -> e.kind() == Entity.Kind.HOST).map(e -> " on " + e.value()).findFirst()
                    .orElse(named.stream().map(e -> " involving " + e.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                            + e.value()).findFirst().orElse(""));
            Incident created = incidents.save(new Incident(newId(), tenant, truncate(a.title() + where, 500),
                    Incident.OPEN, a.firstSeen(), a.firstSeen(), 1, Incident.join(named), null, null, null, null, now));
            members.save(new IncidentAlert(a.id(), tenant, created.id(), a.id(), now));
            audit.append(new AuditRecord(SYSTEM, "system", tenant, "incident.open", created.id(), null,
                    JSON.createObjectNode().put("alert", a.id()).put("entities", created.entities()).toString()));
            return created;
        }
        Incident target = incidents.findByTenantAndId(tenant, p.target()).orElseThrow();
        Set<Entity> all = new TreeSet<>(target.entitySet());
        all.addAll(named);
        int count = target.alertCount() + 1;
        Instant last = a.firstSeen();
        for (String absorbedId : p.absorbed()) {
            Incident absorbed = incidents.findByTenantAndId(tenant, absorbedId).orElseThrow();
            for (IncidentAlert m : members.findByTenantAndIncidentId(tenant, absorbedId)) {
                members.update(new IncidentAlert(m.id(), tenant, target.id(), m.alertId(), m.addedAt()));
            }
            all.addAll(absorbed.entitySet());
            count += absorbed.alertCount();
            last = last.isAfter(absorbed.lastAlertAt()) ? last : absorbed.lastAlertAt();
            incidents.update(absorbed.merged(target.id()));
            audit.append(new AuditRecord(SYSTEM, "system", tenant, "incident.merge", absorbedId,
                    JSON.createObjectNode().put("status", Incident.OPEN).toString(),
                    JSON.createObjectNode().put("mergedInto", target.id()).put("linkedBy", a.id())
                            .put("alerts", absorbed.alertCount()).toString()));
        }
        members.save(new IncidentAlert(a.id(), tenant, target.id(), a.id(), now));
        Incident updated = incidents.update(target.with(last, count, all));
        audit.append(new AuditRecord(SYSTEM, "system", tenant, "incident.add", target.id(), null,
                JSON.createObjectNode().put("alert", a.id()).put("shared", Incident.join(p.shared()))
                        .put("alerts", count).toString()));
        return updated;
    }

    /** The tenant's incidents, highest score first: open ones by default, or every one with {@code all}. */
    public List<IncidentView> list(TenantId tenant, boolean all, int limit) {
        List<Incident> rows = all ? incidents.findByTenantOrderByLastAlertAtDesc(tenant, Pageable.from(0, Math.min(limit, 500)))
                : incidents.findByTenantAndStatusOrderByLastAlertAtDesc(tenant, Incident.OPEN, Pageable.from(0, Math.min(limit, 500)));
        List<IncidentView> out = new ArrayList<>();
        for (Incident i : rows) {
            out.add(view(i));
        }
        out.sort(Comparator.comparingDouble(IncidentView::score).reversed().thenComparing(IncidentView::lastAlertAt,
                Comparator.reverseOrder()));
        return out;
    }

    /** One incident with its timeline. */
    public IncidentView show(TenantId tenant, String id) {
        return view(find(tenant, id));
    }

    /** The incident an alert belongs to, if any. */
    public Optional<IncidentView> ofAlert(TenantId tenant, String alertId) {
        return members.findFirstByTenantAndAlertId(tenant, alertId)
                .flatMap(m -> incidents.findByTenantAndId(tenant, m.incidentId())).map(this::view);
    }

    /** Closes an incident, giving each of its open alerts the verdict. */
    @Transactional
    public IncidentView close(TenantId tenant, String id, Verdict verdict, String note, String actor, String role) {
        Incident i = find(tenant, id);
        if (!Incident.OPEN.equals(i.status())) {
            throw new IllegalStateException("incident " + id + " is " + i.status().toLowerCase(java.util.Locale.ROOT)
                    + (i.mergedInto() == null ? "" : " into " + i.mergedInto()) + "; only an open incident can be closed");
        }
        int closed = 0;
        for (Alert a : alertsOf(i)) {
            if (a.status() != AlertStatus.CLOSED) {
                alertService.close(tenant, a.id(), verdict, note, actor, role);
                closed++;
            }
        }
        Incident after = incidents.update(i.closed(actor, clock.instant(), note));
        audit.append(new AuditRecord(actor, role, tenant, "incident.close", id,
                JSON.createObjectNode().put("status", Incident.OPEN).toString(),
                JSON.createObjectNode().put("status", Incident.CLOSED).put("verdict", verdict.name())
                        .put("alertsClosed", closed).put("note", note).toString()));
        return view(after);
    }

    private Incident find(TenantId tenant, String id) {
        return incidents.findByTenantAndId(tenant, id).orElseThrow(() ->
                new NoSuchElementException("no incident " + id + " in this tenant"));
    }

    private List<Alert> alertsOf(Incident i) {
        List<String> ids = members.findByTenantAndIncidentId(i.tenant(), i.id()).stream().map(IncidentAlert::alertId).toList();
        return ids.isEmpty() ? List.of() : alerts.findByTenantAndIdIn(i.tenant(), ids);
    }

    private IncidentView view(Incident i) {
        List<Alert> as = new ArrayList<>(alertsOf(i));
        as.sort(Comparator.comparing(Alert::firstSeen).thenComparing(Alert::id));
        Map<String, AlertTriage> scored = new HashMap<>();
        if (!as.isEmpty()) {
            triage.findByTenantAndIdIn(i.tenant(), as.stream().map(Alert::id).toList()).forEach(t -> scored.put(t.id(), t));
        }
        List<Double> probabilities = new ArrayList<>();
        List<TacticChain.Step> steps = new ArrayList<>();
        List<IncidentView.TimelineEntry> timeline = new ArrayList<>();
        for (Alert a : as) {
            AlertTriage t = scored.get(a.id());
            double p = t != null && t.probability() != null ? t.probability() : prior(a.level());
            if (a.verdict() != null) {
                p = a.verdict() == Verdict.TRUE_POSITIVE ? 0.99 : 0.0; // an analyst's verdict outranks any score
            }
            probabilities.add(p);
            List<Tactic> tactics = Arrays.stream(a.tags().split(",")).map(Tactic::ofTag).flatMap(Optional::stream).toList();
            steps.add(new TacticChain.Step(a.firstSeen(), tactics));
            timeline.add(new IncidentView.TimelineEntry(a.id(), a.firstSeen().toString(), a.ruleId(), a.title(),
                    a.level().sigmaName(), tactics.stream().map(Tactic::title).toList(),
                    t == null ? "-" : t.priority(), t == null ? null : t.probability(),
                    t == null ? "not triaged yet" : t.explanation(), a.status().name(),
                    a.verdict() == null ? null : a.verdict().name()));
        }
        TacticChain chain = TacticChain.of(steps);
        IncidentScore.Score score = IncidentScore.of(probabilities, chain);
        return new IncidentView(i.id(), i.title(), i.status(), i.openedAt().toString(), i.lastAlertAt().toString(),
                as.size(), i.entitySet().stream().map(Entity::toString).toList(), Math.round(score.value() * 1000) / 1000.0,
                score.priority(), score.explanation(), chain.tactics().stream().map(Tactic::title).toList(), chain.describe(),
                i.mergedInto(), i.closedBy(), i.note(), timeline);
    }

    /** What a rule level alone says about an alert being real, where triage has no probability. */
    static double prior(RuleLevel level) {
        return switch (level) {
            case CRITICAL -> 0.75;
            case HIGH -> 0.5;
            case MEDIUM -> 0.25;
            case LOW -> 0.1;
            default -> 0.05;
        };
    }

    private String newId() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return "I-" + new String(id);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
