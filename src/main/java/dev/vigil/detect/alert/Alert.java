package dev.vigil.detect.alert;

import dev.vigil.detect.RuleLevel;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantIdConverter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * One alert as stored (table {@code alerts}): a rule that fired, for one group key, on {@code eventCount} events
 * between {@code firstSeen} and {@code lastSeen}. {@code eventIds} keeps the first {@link AlertService#EVENT_ID_CAP}
 * event ids, comma-separated; {@code matched} the fields and values that matched, as JSON; {@code lastEventSeq} the
 * highest event sequence folded in, which makes raising idempotent under replay. A verdict carries the tenant's
 * model-training consent state and the data-use policy version in force when it was given ({@code verdictConsent},
 * {@code verdictPolicyVersion}), since verdicts may train the tenant's models.
 */
@MappedEntity("alerts")
public record Alert(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String ruleId,
        String title,
        RuleLevel level,
        AlertKind kind,
        String tags,
        AlertStatus status,
        @Nullable Verdict verdict,
        @Nullable String note,
        String groupKey,
        Instant firstSeen,
        Instant lastSeen,
        long eventCount,
        String eventIds,
        long lastEventSeq,
        String matched,
        Instant createdAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant acknowledgedAt,
        @Nullable String closedBy,
        @Nullable Instant closedAt,
        @Nullable String verdictConsent,
        @Nullable String verdictPolicyVersion) {

    Alert folded(Instant last, long count, String ids, long seq, String matchedJson) {
        return new Alert(id, tenant, ruleId, title, level, kind, tags, status, verdict, note, groupKey, firstSeen, last, count,
                ids, seq, matchedJson, createdAt, acknowledgedBy, acknowledgedAt, closedBy, closedAt, verdictConsent,
                verdictPolicyVersion);
    }

    Alert acknowledged(String actor, Instant at) {
        return new Alert(id, tenant, ruleId, title, level, kind, tags, AlertStatus.ACKNOWLEDGED, verdict, note, groupKey,
                firstSeen, lastSeen, eventCount, eventIds, lastEventSeq, matched, createdAt, actor, at, closedBy, closedAt,
                verdictConsent, verdictPolicyVersion);
    }

    Alert closed(Verdict v, String text, String actor, Instant at, String consent, String policyVersion) {
        return new Alert(id, tenant, ruleId, title, level, kind, tags, AlertStatus.CLOSED, v, text, groupKey, firstSeen,
                lastSeen, eventCount, eventIds, lastEventSeq, matched, createdAt,
                acknowledgedBy == null ? actor : acknowledgedBy, acknowledgedAt == null ? at : acknowledgedAt, actor, at,
                consent, policyVersion);
    }
}
