package dev.vigil.tenancy;

import dev.vigil.appliance.ApplianceProperties;
import dev.vigil.appliance.FirstStart;
import dev.vigil.audit.AuditTrail;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstStartTest {

    @TempDir
    Path data;

    private ApplicationContext start(String database) {
        var props = ApplianceProperties.forDataDir(data, database);
        props.put("micronaut.server.port", -1);
        return ApplicationContext.run(props, "test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void firstStartCreatesCustomerAndFleetTenantsAndAWorkingCliToken(String database) throws Exception {
        try (ApplicationContext ctx = start(database)) {
            TenantId customer = ctx.getBean(FirstStart.class).run();
            TenantRegistry registry = ctx.getBean(TenantRegistry.class);
            assertTrue(registry.exists(customer));
            assertTrue(registry.exists(TenantId.FLEET));
            String secret = Files.readString(data.resolve("run/cli.token")).trim();
            TenantPrincipal principal = ctx.getBean(ApiTokens.class).authenticate(secret).orElseThrow();
            assertEquals(customer, principal.tenant());
            assertEquals(ApiTokenScope.ADMIN, principal.scope());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void restartingKeepsTheTokensAndAuditsNothingNew(String database) {
        long entriesAfterFirstStart;
        try (ApplicationContext ctx = start(database)) {
            ctx.getBean(FirstStart.class).run();
            entriesAfterFirstStart = ctx.getBean(AuditTrail.class).size();
        }
        try (ApplicationContext ctx = start(database)) {
            ctx.getBean(FirstStart.class).run();
            assertEquals(entriesAfterFirstStart, ctx.getBean(AuditTrail.class).size());
            assertEquals(2, ctx.getBean(ApiTokens.class).list(TenantId.of("customer")).size());
            assertTrue(ctx.getBean(AuditTrail.class).verify().valid());
        }
    }

    @org.junit.jupiter.api.Test
    void theInstallersOneTimePasswordBecomesTheFirstAdminsWhoMustChangeItAndTheFileIsDeleted() throws Exception {
        Files.createDirectories(data.resolve("run"));
        Files.writeString(data.resolve("run/first-admin.password"), "installer made this 42\n");
        try (ApplicationContext ctx = start("h2")) {
            TenantId customer = ctx.getBean(FirstStart.class).run();
            assertEquals(java.util.Optional.of("installer made this 42"), ctx.getBean(FirstStart.class).oneTimeAdminPassword());
            var admin = ctx.getBean(dev.vigil.tenancy.users.Users.class).list(customer).getFirst();
            assertEquals(List.of("admin", "ADMIN", true), List.of(admin.username(), admin.role().name(), admin.mustChangePassword()));
            assertTrue(ctx.getBean(dev.vigil.tenancy.users.Users.class).signIn(customer, "admin", "installer made this 42")
                    instanceof dev.vigil.tenancy.users.SignIn.Success);
            assertTrue(Files.notExists(data.resolve("run/first-admin.password")));
        }
    }
}
