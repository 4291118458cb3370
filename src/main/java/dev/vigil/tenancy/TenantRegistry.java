package dev.vigil.tenancy;

import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenants the appliance holds: the customer tenant (created at first start) and the structural fleet tenant.
 *
 * <p>Guarantees: {@link #ensure} is idempotent and audits only a real creation; a tenant once created is never
 * renamed to another id.
 */
@Singleton
public class TenantRegistry {

    private final TenantRepository tenants;
    private final AuditTrail audit;
    private final Clock clock;

    public TenantRegistry(TenantRepository tenants, AuditTrail audit, Clock clock) {
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the tenant if it does not exist yet (audited as {@code tenant.create}); returns it either way. */
    @Transactional
    public Tenant ensure(TenantId id, String displayName, TenantKind kind) {
        Optional<Tenant> existing = tenants.findById(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        Tenant created = tenants.save(new Tenant(id, displayName, kind, Instant.now(clock)));
        audit.append(new AuditRecord("system", "system", id, "tenant.create", id.value(), null,
                "{\"id\":\"" + id.value() + "\",\"kind\":\"" + kind + "\"}"));
        return created;
    }

    public Optional<Tenant> find(TenantId id) {
        return tenants.findById(id);
    }

    public boolean exists(TenantId id) {
        return tenants.existsById(id);
    }

    /** Every tenant, for the fleet view and for opening per-tenant stores. */
    public List<Tenant> all() {
        return tenants.findAll();
    }
}
