package dev.vigil.fleet;

import dev.vigil.appliance.VigilSettings;
import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Consent as data: shows, grants and withdraws a tenant's consent per {@link ConsentScope}, and stamps governed
 * records with the consent in force.
 *
 * <p>Guarantees: the history is append-only (a change inserts a row, nothing is updated or deleted); every change is
 * audited ({@code consent.grant} / {@code consent.withdraw}, with the before and after states) in the same
 * transaction, so an unaudited change cannot happen; consent never set is withdrawn (fail closed); a grant made under
 * another data-use policy version than the one in force does not count: the effective state is then withdrawn until
 * consent is granted again under the policy in force.
 */
@Singleton
public class ConsentService {

    private final ConsentRepository history;
    private final AuditTrail audit;
    private final Clock clock;
    private final String policyVersion;
    private final ApplicationEventPublisher<ConsentWithdrawn> withdrawals;

    public ConsentService(ConsentRepository history, AuditTrail audit, Clock clock, VigilSettings settings,
                          ApplicationEventPublisher<ConsentWithdrawn> withdrawals) {
        this.history = history;
        this.withdrawals = withdrawals;
        this.audit = audit;
        this.clock = clock;
        this.policyVersion = settings.policyVersion();
    }

    /** The data-use policy version in force. */
    public String policyInForce() {
        return policyVersion;
    }

    /** The consent of every scope of the tenant, in scope order. */
    public List<ConsentStatus> show(TenantId tenant) {
        List<ConsentStatus> all = new ArrayList<>();
        for (ConsentScope scope : ConsentScope.values()) {
            all.add(status(scope, history.findFirstByTenantAndScopeOrderBySeqDesc(tenant, scope)));
        }
        return all;
    }

    /** Every consent change of the tenant, oldest first. */
    public List<ConsentRecord> history(TenantId tenant) {
        List<ConsentRecord> rows = new ArrayList<>(history.findByTenantOrderByChangedAt(tenant));
        rows.sort(Comparator.comparing(ConsentRecord::changedAt).thenComparing(ConsentRecord::scope)
                .thenComparingLong(ConsentRecord::seq));
        return rows;
    }

    /** Grants the scope under the policy version in force; audited as {@code consent.grant}. */
    @Transactional
    public ConsentStatus grant(TenantId tenant, ConsentScope scope, String reason, String actor, String role) {
        return change(tenant, scope, ConsentState.GRANTED, reason, actor, role);
    }

    /**
     * Withdraws the scope; audited as {@code consent.withdraw}. Governs records created from now on, and publishes
     * {@link ConsentWithdrawn} inside this transaction, so what the withdrawal undoes (fleet revocations) commits or
     * fails with it.
     */
    @Transactional
    public ConsentStatus withdraw(TenantId tenant, ConsentScope scope, String reason, String actor, String role) {
        ConsentStatus after = change(tenant, scope, ConsentState.WITHDRAWN, reason, actor, role);
        withdrawals.publishEvent(new ConsentWithdrawn(tenant, scope));
        return after;
    }

    /** The consent state and policy version to copy onto a governed record created now. */
    public ConsentStamp stamp(TenantId tenant, ConsentScope scope) {
        return new ConsentStamp(effective(history.findFirstByTenantAndScopeOrderBySeqDesc(tenant, scope)), policyVersion);
    }

    private ConsentStatus change(TenantId tenant, ConsentScope scope, ConsentState state, String reason, String actor,
                                 String role) {
        if (tenant.isFleet()) {
            throw new IllegalArgumentException("the fleet tenant has no data of its own and cannot give consent");
        }
        if (reason != null && reason.length() > 1000) {
            throw new IllegalArgumentException("consent reason too long: " + reason.length() + " characters, at most 1000");
        }
        Optional<ConsentRecord> latest = history.findFirstByTenantAndScopeOrderBySeqDesc(tenant, scope);
        ConsentStatus before = status(scope, latest);
        long seq = latest.map(ConsentRecord::seq).orElse(0L) + 1;
        ConsentRecord saved = history.save(new ConsentRecord(UUID.randomUUID().toString(), tenant, scope, seq, state,
                policyVersion, Instant.now(clock), actor, reason == null || reason.isBlank() ? null : reason.strip()));
        ConsentStatus after = status(scope, Optional.of(saved));
        String action = state == ConsentState.GRANTED ? "consent.grant" : "consent.withdraw";
        audit.append(new AuditRecord(actor, role, tenant, action, scope.external(), describe(before), describe(after)));
        return after;
    }

    private ConsentState effective(Optional<ConsentRecord> latest) {
        return latest.filter(r -> r.state() == ConsentState.GRANTED && r.policyVersion().equals(policyVersion))
                .map(ConsentRecord::state).orElse(ConsentState.WITHDRAWN);
    }

    private ConsentStatus status(ConsentScope scope, Optional<ConsentRecord> latest) {
        ConsentState effective = effective(latest);
        String explanation;
        if (latest.isEmpty()) {
            explanation = "never set: withdrawn by default";
        } else if (latest.get().state() == ConsentState.WITHDRAWN) {
            explanation = "withdrawn by " + latest.get().actor() + " at " + latest.get().changedAt();
        } else if (effective == ConsentState.GRANTED) {
            explanation = "granted by " + latest.get().actor() + " at " + latest.get().changedAt() + " under policy "
                    + policyVersion;
        } else {
            explanation = "granted under policy " + latest.get().policyVersion() + ", which is no longer in force (policy "
                    + policyVersion + "): withdrawn until granted again";
        }
        return new ConsentStatus(scope.external(), effective.external(),
                latest.map(r -> r.state().external()).orElse(null), latest.map(ConsentRecord::policyVersion).orElse(null),
                policyVersion, latest.map(ConsentRecord::changedAt).orElse(null), latest.map(ConsentRecord::actor).orElse(null),
                latest.map(ConsentRecord::reason).orElse(null), explanation);
    }

    private static String describe(ConsentStatus s) {
        return "{\"scope\":\"" + s.scope() + "\",\"state\":\"" + s.state() + "\",\"policy\":"
                + (s.recordedPolicy() == null ? "null" : "\"" + s.recordedPolicy() + "\"") + "}";
    }
}
