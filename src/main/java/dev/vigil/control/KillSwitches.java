package dev.vigil.control;

import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kill switches of every AI feature: evaluated in process on every event, changed by authorised people.
 *
 * <p>Guarantees: {@link #state} never throws and does no I/O (one volatile read and a scan of the few settings); if
 * the store cannot be read every feature is at its safe default (off, with its fallback) and {@link #storeError()}
 * says why. A change is written durably, audited (who, role, when via the trail, why, before and after) and visible
 * to the next {@link #state} call before {@link #set}/{@link #clear} returns; if the audit entry cannot be written
 * the change is undone. {@link #preview} computes the same change without making it.
 */
public final class KillSwitches {

    private static final Logger LOG = LoggerFactory.getLogger(KillSwitches.class);

    private final SwitchStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final InFlightWork inFlight;
    private volatile SwitchTable table;
    private volatile String storeError;

    public KillSwitches(SwitchStore store, AuditTrail audit, Clock clock, InFlightWork inFlight) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.inFlight = inFlight;
        try {
            store.initialiseIfNew();
        } catch (IOException e) {
            LOG.error("switches: cannot create {}: {}", store.file(), e.getMessage());
        }
        reload();
    }

    /** The decision for one feature; never throws. */
    public SwitchDecision state(AiFeature feature, TenantId tenant, String site, String modelVersion) {
        try {
            return table.decide(feature, tenant, site, modelVersion);
        } catch (RuntimeException e) {
            return SwitchDecision.off(feature, feature.fallback(), "safe default: " + e);
        }
    }

    public SwitchDecision state(AiFeature feature, TenantId tenant) {
        return state(feature, tenant, null, null);
    }

    /** Why the store could not be read, if it could not. */
    public Optional<String> storeError() {
        return Optional.ofNullable(storeError);
    }

    /** The settings in force (re-reading the store, so a repaired store takes effect). */
    public synchronized SwitchTable table() {
        reload();
        return table;
    }

    /** Sets a switch; a dry run returns what would change and changes nothing. */
    public synchronized SwitchChange set(SwitchTarget target, boolean enabled, String reason, String actor, String role,
                                         TenantId callerTenant, boolean dryRun) {
        SwitchSetting after = new SwitchSetting(target, enabled, reason, actor, clock.instant());
        return change(target, current -> current.with(after), after, actor, role, callerTenant, dryRun, "switch.set");
    }

    /** Removes a switch setting, so wider settings (or the default) apply again. */
    public synchronized SwitchChange clear(SwitchTarget target, String reason, String actor, String role,
                                           TenantId callerTenant, boolean dryRun) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to clear a switch");
        }
        return change(target, current -> current.without(target), null, actor, role, callerTenant, dryRun, "switch.clear");
    }

    public SwitchChange preview(SwitchTarget target, boolean enabled, String reason, String actor, TenantId callerTenant) {
        return set(target, enabled, reason, actor, "", callerTenant, true);
    }

    private SwitchChange change(SwitchTarget target, java.util.function.UnaryOperator<SwitchTable> edit, SwitchSetting after,
                                String actor, String role, TenantId callerTenant, boolean dryRun, String action) {
        if (target.tenant() != null && !target.tenant().equals(callerTenant)) {
            throw new IllegalArgumentException("a switch of tenant " + target.tenant() + " cannot be changed from tenant " + callerTenant);
        }
        reload();
        if (table.safeMode()) {
            throw new IllegalStateException("the switch store cannot be read (" + storeError + "); every AI feature is "
                    + "off until " + store.file() + " is restored (or replaced by {\"settings\":[]})");
        }
        SwitchTable before = table;
        SwitchTable next = edit.apply(before);
        SwitchSetting previous = before.find(target).orElse(null);
        List<SwitchChange.Effect> effects = effects(before, next, target, callerTenant);
        if (dryRun) {
            return new SwitchChange(target, previous, after, effects, false);
        }
        try {
            store.write(next);
            table = next;
            try {
                audit.append(new AuditRecord(actor, role, callerTenant, action, target.describe(),
                        previous == null ? null : previous.describe(), after == null ? null : after.describe()));
            } catch (RuntimeException e) {
                store.write(before);
                table = before;
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + store.file() + ": " + e.getMessage(), e);
        }
        LOG.info("switches: {} {} by {}: {}", action, target.describe(), actor, after == null ? "cleared" : after.enabled() ? "on" : "off");
        return new SwitchChange(target, previous, after, effects, true);
    }

    private List<SwitchChange.Effect> effects(SwitchTable before, SwitchTable after, SwitchTarget target, TenantId caller) {
        Set<TenantId> tenants = new LinkedHashSet<>();
        tenants.add(caller);
        Set<String> sites = new LinkedHashSet<>();
        sites.add(null);
        Set<String> versions = new LinkedHashSet<>();
        versions.add(null);
        for (SwitchTable t : List.of(before, after)) {
            for (SwitchSetting s : t.settings()) {
                if (s.target().tenant() != null) {
                    tenants.add(s.target().tenant());
                }
                sites.add(s.target().site());
                versions.add(s.target().modelVersion());
            }
        }
        if (target.tenant() != null) {
            tenants.add(target.tenant());
        }
        List<SwitchChange.Effect> effects = new ArrayList<>();
        for (AiFeature f : AiFeature.values()) {
            for (TenantId t : tenants) {
                for (String site : sites) {
                    for (String v : versions) {
                        SwitchDecision b = before.decide(f, t, site, v);
                        SwitchDecision a = after.decide(f, t, site, v);
                        if (b.enabled() != a.enabled() || b.fallback() != a.fallback()) {
                            effects.add(new SwitchChange.Effect(f, t.value(), site, v, b, a, inFlight.count(f, t)));
                        }
                    }
                }
            }
        }
        return effects;
    }

    private void reload() {
        try {
            table = store.read();
            if (storeError != null) {
                LOG.info("switches: {} is readable again", store.file());
            }
            storeError = null;
        } catch (IOException | RuntimeException e) {
            if (storeError == null) {
                LOG.error("switches: {}; every AI feature is at its safe default (off)", e.getMessage());
            }
            storeError = e.getMessage();
            table = SwitchTable.SAFE;
        }
    }
}
