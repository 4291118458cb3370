package dev.vigil.detect.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.detect.DetectSettings;
import dev.vigil.detect.MatchedField;
import dev.vigil.event.EventIds;
import dev.vigil.fleet.ConsentScope;
import dev.vigil.fleet.ConsentService;
import dev.vigil.fleet.ConsentStamp;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Alerts: raising (with deduplication), triage (acknowledge, close with a verdict) and queries.
 *
 * <p>Guarantees: a firing of a rule for a group key folds into that rule's open alert for the same key when the alert
 * was last seen within the dedup window, else opens a new alert; raising is idempotent under replay (a candidate whose
 * events are at or below the highest event sequence already folded in for that rule and key changes nothing), which
 * relies on the pipeline raising in event order; every triage step is audited in the same transaction, so a step whose
 * audit entry cannot be written does not happen; a verdict is stamped with the tenant's model-training consent and
 * the policy version in force; unknown and other tenants' ids are both "no alert X"; a new alert publishes
 * {@link AlertRaised} and a close publishes {@link AlertClosed}, inside the transaction (listeners that must not see
 * uncommitted state use {@code @TransactionalEventListener}).
 */
@Singleton
public class AlertService implements AlertSink {

    /** Event ids kept per alert; the count stays exact beyond this. */
    public static final int EVENT_ID_CAP = 100;
    /** Distinct matched field values kept per alert. */
    public static final int MATCHED_CAP = 50;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final AlertRepository alerts;
    private final ConsentService consent;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration window;
    private final ApplicationEventPublisher<AlertRaised> raised;
    private final ApplicationEventPublisher<AlertClosed> closed;
    private final SecureRandom random = new SecureRandom();

    public AlertService(AlertRepository alerts, AuditTrail audit, Clock clock, DetectSettings settings, ConsentService consent,
                        ApplicationEventPublisher<AlertRaised> raised, ApplicationEventPublisher<AlertClosed> closed) {
        this.raised = raised;
        this.closed = closed;
        this.consent = consent;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
        this.window = settings.dedupWindow();
    }

    @Override
    @Transactional
    public void raise(AlertCandidate candidate) {
        record(candidate);
    }

    /** Raises a candidate and returns the alert it became or folded into. */
    @Transactional
    public Alert record(AlertCandidate c) {
        long firstSeq = sequenceOf(c.eventIds().isEmpty() ? null : c.eventIds().getFirst());
        long lastSeq = c.eventIds().stream().mapToLong(AlertService::sequenceOf).max().orElse(0);
        if (firstSeq > 0) {
            Optional<Alert> latest = alerts.findFirstByTenantAndRuleIdAndGroupKeyOrderByLastEventSeqDesc(c.tenant(), c.ruleId(), c.groupKey());
            if (latest.isPresent() && latest.get().lastEventSeq() >= lastSeq) {
                return latest.get();
            }
        }
        Optional<Alert> open = alerts.findByTenantAndRuleIdAndGroupKeyAndStatusNotEqualOrderByLastSeenDesc(c.tenant(), c.ruleId(),
                c.groupKey(), AlertStatus.CLOSED).stream().findFirst()
                .filter(a -> !c.firstSeen().isAfter(a.lastSeen().plus(window)));
        if (open.isPresent()) {
            Alert a = open.get();
            Instant last = c.lastSeen().isAfter(a.lastSeen()) ? c.lastSeen() : a.lastSeen();
            return alerts.update(a.folded(last, a.eventCount() + c.eventIds().size(), appendIds(a.eventIds(), c.eventIds()),
                    Math.max(a.lastEventSeq(), lastSeq), mergeMatched(a.matched(), c.matched())));
        }
        Instant now = clock.instant();
        Alert created = alerts.save(new Alert(newId(), c.tenant(), c.ruleId(), c.title(), c.level(), c.kind(), String.join(",", c.tags()),
                AlertStatus.NEW, null, null, c.groupKey(), c.firstSeen(), c.lastSeen(), Math.max(1, c.eventIds().size()),
                appendIds("", c.eventIds()), lastSeq, mergeMatched("[]", c.matched()), now, null, null, null, null, null, null));
        raised.publishEvent(new AlertRaised(created));
        return created;
    }

    /** One alert of the tenant. */
    public Alert get(TenantId tenant, String id) {
        return alerts.findByTenantAndId(tenant, id).orElseThrow(() -> new NoSuchAlertException(id));
    }

    /** Alerts of the tenant matching the query, newest first. */
    public List<Alert> list(TenantId tenant, AlertQuery query) {
        List<Alert> selected = new ArrayList<>();
        int page = 0;
        while (selected.size() < query.limit()) {
            List<Alert> batch = alerts.findByTenantAndLastSeenGreaterThanEqualsOrderByLastSeenDesc(tenant, query.since(),
                    Pageable.from(page++, 1000));
            for (Alert alert : batch) {
                if (query.accepts(alert) && selected.size() < query.limit()) {
                    selected.add(alert);
                }
            }
            if (batch.size() < 1000) {
                break;
            }
        }
        return selected;
    }

    /** Marks an alert as being looked at; audited. */
    @Transactional
    public Alert acknowledge(TenantId tenant, String id, String actor, String role) {
        Alert before = get(tenant, id);
        if (before.status() != AlertStatus.NEW) {
            throw new AlertStateException("alert " + id + " is already " + before.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (before.status() == AlertStatus.CLOSED ? "" : " by " + before.acknowledgedBy()));
        }
        Alert after = alerts.update(before.acknowledged(actor, clock.instant()));
        audit.append(new AuditRecord(actor, role, tenant, "alert.acknowledge", id, describe(before), describe(after)));
        return after;
    }

    /** Closes an alert with a verdict and an optional note; audited. */
    @Transactional
    public Alert close(TenantId tenant, String id, Verdict verdict, String note, String actor, String role) {
        Alert before = get(tenant, id);
        if (before.status() == AlertStatus.CLOSED) {
            throw new AlertStateException("alert " + id + " is already closed as " + before.verdict().name().toLowerCase(java.util.Locale.ROOT)
                    + " by " + before.closedBy());
        }
        if (note != null && note.length() > 4000) {
            throw new IllegalArgumentException("the note is " + note.length() + " characters; at most 4000");
        }
        ConsentStamp stamp = consent.stamp(tenant, ConsentScope.MODEL_TRAINING);
        Alert after = alerts.update(before.closed(verdict, note, actor, clock.instant(), stamp.state().name(), stamp.policyVersion()));
        audit.append(new AuditRecord(actor, role, tenant, "alert.close", id, describe(before), describe(after)));
        closed.publishEvent(new AlertClosed(after));
        return after;
    }

    /** The matched fields stored with an alert. */
    public static List<MatchedField> matchedOf(Alert alert) {
        List<MatchedField> fields = new ArrayList<>();
        try {
            JSON.readTree(alert.matched()).forEach(n -> fields.add(new MatchedField(n.path("field").asText(), n.path("value").asText())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert " + alert.id() + " holds unreadable matched fields", e);
        }
        return fields;
    }

    /** The event ids stored with an alert, oldest first. */
    public static List<String> eventIdsOf(Alert alert) {
        return alert.eventIds().isEmpty() ? List.of() : Arrays.asList(alert.eventIds().split(","));
    }

    /** The audited state of an alert (before and after each triage step). */
    static String auditState(Alert a) {
        return describe(a);
    }

    private static String describe(Alert a) {
        ObjectNode node = JSON.createObjectNode().put("id", a.id()).put("status", a.status().name())
                .put("verdict", a.verdict() == null ? null : a.verdict().name()).put("note", a.note())
                .put("acknowledgedBy", a.acknowledgedBy()).put("closedBy", a.closedBy())
                .put("verdictConsent", a.verdictConsent()).put("verdictPolicyVersion", a.verdictPolicyVersion());
        return node.toString();
    }

    private static String appendIds(String existing, List<String> ids) {
        Set<String> all = new LinkedHashSet<>(existing.isEmpty() ? List.of() : Arrays.asList(existing.split(",")));
        for (String id : ids) {
            if (all.size() >= EVENT_ID_CAP) {
                break;
            }
            all.add(id);
        }
        return String.join(",", all);
    }

    private static String mergeMatched(String existingJson, List<MatchedField> more) {
        try {
            ArrayNode array = (ArrayNode) JSON.readTree(existingJson);
            Set<String> seen = new LinkedHashSet<>();
            array.forEach(n -> seen.add(n.path("field").asText() + "\u0000" + n.path("value").asText()));
            for (MatchedField field : more) {
                if (array.size() >= MATCHED_CAP) {
                    break;
                }
                if (seen.add(field.field() + "\u0000" + field.value())) {
                    array.addObject().put("field", field.field()).put("value", field.value());
                }
            }
            return array.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable matched fields: " + e.getMessage(), e);
        }
    }

    private static long sequenceOf(String eventId) {
        if (eventId == null) {
            return 0;
        }
        try {
            return EventIds.parse(eventId);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private String newId() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return "A-" + new String(id);
    }
}
