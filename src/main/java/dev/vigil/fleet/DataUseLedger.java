package dev.vigil.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The data-use ledger: the one call model training and fleet promotion make before using a tenant's record, and the
 * report that answers "what of my data trained which model, when, under which policy?".
 *
 * <p>Guarantees: a use is recorded only with the tenant's consent for its purpose in force; without it
 * {@link #record} throws {@link ConsentRequiredException} and nothing is recorded, so the caller must not use the
 * record. Each use is audited ({@code data-use.record}, tenant of the record) in the same transaction. Each row carries the consent state and policy version in force when it was written, and is never rewritten
 * (withdrawing later stops new uses; it does not change history). The report shows one tenant's rows only.
 */
@Singleton
public class DataUseLedger {

    /** The report's summary when a tenant's data was never used. */
    public static final String NOTHING_USED = "no data of this tenant has trained any model or left this appliance";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/@-]{0,199}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataUseRepository uses;
    private final ConsentService consent;
    private final AuditTrail audit;
    private final Clock clock;

    public DataUseLedger(DataUseRepository uses, ConsentService consent, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.uses = uses;
        this.consent = consent;
        this.clock = clock;
    }

    /**
     * Records that {@code usedBy} (a model such as {@code model:triage-v3}, or a fleet artefact) uses the tenant's
     * record {@code kind}/{@code id} for {@code purpose}; returns the stamped row.
     *
     * @throws ConsentRequiredException if the tenant's consent for the purpose is not granted under the policy in force
     */
    @Transactional
    public DataUse record(TenantId tenant, String kind, String id, ConsentScope purpose, String usedBy) {
        check("record kind", kind, 64);
        check("record id", id, 200);
        check("used by", usedBy, 200);
        if (tenant.isFleet()) {
            throw new IllegalArgumentException("the fleet tenant holds derived artefacts only; it has no records to use");
        }
        ConsentStamp stamp = consent.stamp(tenant, purpose);
        if (!stamp.granted()) {
            throw new ConsentRequiredException(tenant, purpose, stamp);
        }
        DataUse use = uses.save(new DataUse(UUID.randomUUID().toString(), tenant, kind, id, purpose, usedBy, stamp.state(),
                stamp.policyVersion(), Instant.now(clock)));
        audit.append(new AuditRecord(actor(usedBy), "system", tenant, "data-use.record", use.id(), null, auditState(use)));
        return use;
    }

    /**
     * The audited after-state of a data use: canonical JSON of its fields, so an assessor report can show it and prove
     * it against the entry's after-hash.
     */
    public static String auditState(DataUse use) {
        return JSON.createObjectNode().put("id", use.id()).put("kind", use.recordKind()).put("recordId", use.recordId())
                .put("purpose", use.purpose().external()).put("usedBy", use.usedBy())
                .put("consent", use.consentState().name()).put("policy", use.policyVersion()).toString();
    }

    /** The after-state of a {@code data-use.record} entry, while the row exists. */
    public java.util.Optional<String> auditState(TenantId tenant, String useId) {
        return uses.findByTenantAndId(tenant, useId).map(DataUseLedger::auditState);
    }

    private static String actor(String usedBy) {
        return usedBy.startsWith("fleet:") ? FleetPromotion.ACTOR : "system:" + usedBy.split(":", 2)[0];
    }

    /** Every use of the tenant's data, grouped by the model or artefact that used it. */
    public DataUseReport report(TenantId tenant) {
        Map<String, List<DataUse>> byUser = new LinkedHashMap<>();
        for (DataUse u : uses.findByTenantOrderByCreatedAt(tenant)) {
            byUser.computeIfAbsent(u.usedBy() + "\u0000" + u.purpose().name(), k -> new ArrayList<>()).add(u);
        }
        List<DataUseReport.Use> entries = new ArrayList<>();
        int records = 0;
        for (List<DataUse> rows : byUser.values()) {
            List<DataUseReport.UsedRecord> used = rows.stream().map(u -> new DataUseReport.UsedRecord(u.recordKind(),
                    u.recordId(), u.createdAt(), u.consentState().external(), u.policyVersion())).toList();
            records += used.size();
            entries.add(new DataUseReport.Use(rows.getFirst().usedBy(), rows.getFirst().purpose().external(),
                    rows.getFirst().createdAt(), rows.getLast().createdAt(), used));
        }
        String summary = entries.isEmpty() ? NOTHING_USED
                : records + " record(s) of this tenant used by " + entries.size() + " model(s) or artefact(s)";
        return new DataUseReport(tenant.value(), consent.policyInForce(), consent.show(tenant), summary, entries);
    }

    private static void check(String what, String value, int max) {
        if (value == null || !TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + " '" + value + "': use 1-" + max
                    + " letters, digits or . _ : / @ -, starting with a letter or digit");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " too long: at most " + max + " characters");
        }
    }
}
