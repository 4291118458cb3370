package dev.vigil.analyst.anomaly;

import dev.vigil.appliance.ApplianceProperties;
import dev.vigil.appliance.FirstStart;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantKind;
import dev.vigil.tenancy.TenantRegistry;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Baseline snapshots on real H2 and SQLite files: a faithful round trip, whole replacement, and tenant scoping. */
class BaselineSnapshotsTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path data;

    private void withSnapshots(String database, Consumer<BaselineSnapshots> test) {
        try (ApplicationContext ctx = start(database)) {
            test.accept(ctx.getBean(BaselineSnapshots.class));
        }
    }

    private ApplicationContext start(String database) {
        Map<String, Object> props = ApplianceProperties.forDataDir(data, database);
        props.put("micronaut.server.port", -1);
        ApplicationContext context = ApplicationContext.run(props, "test");
        context.getBean(FirstStart.class).run();
        TenantRegistry tenants = context.getBean(TenantRegistry.class);
        tenants.ensure(ACME, "Acme", TenantKind.CUSTOMER);
        tenants.ensure(GLOBEX, "Globex", TenantKind.CUSTOMER);
        return context;
    }

    private static TenantBaselines learned(TenantId tenant, String user, String host) {
        ProcessBaselines p = new ProcessBaselines(1, 10, 10);
        p.learn(tenant, host, "C:\\Windows\\explorer.exe", "C:\\Windows\\userinit.exe");
        p.learn(tenant, host, "C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\explorer.exe");
        LogonSourceBaselines l = new LogonSourceBaselines(1, 10, 10, 10, Duration.ofMinutes(30));
        l.success(tenant, user, "10.0.0.5", T0);
        l.success(tenant, user, "2001:db8::17", T0.plusSeconds(60));
        VolumeBaselines v = new VolumeBaselines(Duration.ofMinutes(10), 1, 3, 10, 0.1, 10);
        for (int i = 0; i < 30; i++) {
            v.count(tenant, host, T0.plusSeconds(i * 60L));
        }
        return new TenantBaselines(p.export(tenant), l.export(tenant), v.export(tenant), 4_711, T0.toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void aSavedSnapshotLoadsBackUnchanged(String database) {
        withSnapshots(database, snapshots -> {
            TenantBaselines saved = learned(ACME, "alice", "ws-12");

            snapshots.save(ACME, saved);

            assertEquals(saved, snapshots.load(ACME));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void aSaveReplacesTheTenantsSnapshotAndOnlyThat(String database) {
        withSnapshots(database, snapshots -> {
            TenantBaselines globex = learned(GLOBEX, "bob", "srv-1");
            snapshots.save(GLOBEX, globex);
            snapshots.save(ACME, learned(ACME, "alice", "ws-12"));
            TenantBaselines later = learned(ACME, "carol", "ws-13");

            snapshots.save(ACME, later);

            assertEquals(later, snapshots.load(ACME));
            assertEquals(globex, snapshots.load(GLOBEX));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void aTenantWithoutASnapshotStartsFromNothing(String database) {
        withSnapshots(database, snapshots -> {
            snapshots.save(GLOBEX, learned(GLOBEX, "bob", "srv-1"));

            assertEquals(TenantBaselines.EMPTY, snapshots.load(ACME));
            assertEquals(List.of(), snapshots.load(ACME).logons());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void aTenantWithMoreEntitiesThanARowHoldsLoadsBackInItsEvictionOrder(String database) {
        LogonSourceBaselines l = new LogonSourceBaselines(1, 10_000, 10, 10, Duration.ofMinutes(30));
        for (int u = 0; u < 2 * BaselineSnapshots.PER_ROW + 1; u++) {
            l.success(ACME, "user" + u, "10.0.0." + (u % 250), T0.plusSeconds(u));
        }
        l.success(ACME, "user0", "10.0.0.0", T0.plusSeconds(9_999)); // now the most recently seen
        TenantBaselines many = new TenantBaselines(List.of(), l.export(ACME), List.of(), 7, 0);
        withSnapshots(database, snapshots -> {
            snapshots.save(ACME, many);

            TenantBaselines loaded = snapshots.load(ACME);

            assertEquals(many, loaded);
            assertEquals("user0", loaded.logons().getLast().user());
        });
    }
}
