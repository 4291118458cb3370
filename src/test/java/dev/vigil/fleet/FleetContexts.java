package dev.vigil.fleet;

import dev.vigil.appliance.ApplianceProperties;
import dev.vigil.appliance.FirstStart;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditTrail;
import dev.vigil.audit.MutableClock;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantKind;
import dev.vigil.tenancy.TenantRegistry;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts an application context on a real H2 or SQLite file, as the appliance does, for the fleet tests. */
final class FleetContexts {

    static final TenantId CUSTOMER = TenantId.of("customer");

    private FleetContexts() {
    }

    static ApplicationContext start(Path data, String database, Map<String, Object> extra) {
        Map<String, Object> props = ApplianceProperties.forDataDir(data, database);
        props.put("micronaut.server.port", -1);
        props.putAll(extra);
        ApplicationContext context = ApplicationContext.run(props, "test");
        context.getBean(FirstStart.class).run();
        return context;
    }

    /** Adds customer tenants, simulating a multi-tenant fleet. */
    static List<TenantId> tenants(ApplicationContext ctx, String... ids) {
        TenantRegistry registry = ctx.getBean(TenantRegistry.class);
        return java.util.Arrays.stream(ids).map(id -> {
            registry.ensure(TenantId.of(id), id, TenantKind.CUSTOMER);
            return TenantId.of(id);
        }).toList();
    }

    /** Starts a context whose clock is a {@link MutableClock} at {@code start} (see {@link FleetTestClock}). */
    static ApplicationContext startAt(Path data, String database, java.time.Instant start, Map<String, Object> extra) {
        Map<String, Object> props = new java.util.HashMap<>(extra);
        props.put(FleetTestClock.PROPERTY, start.toString());
        return start(data, database, props);
    }

    static MutableClock clock(ApplicationContext ctx) {
        return (MutableClock) ctx.getBean(java.time.Clock.class);
    }

    static AuditEntry lastEntry(ApplicationContext ctx, TenantId tenant) {
        return ctx.getBean(AuditTrail.class).entries(tenant, 1).getFirst();
    }
}
