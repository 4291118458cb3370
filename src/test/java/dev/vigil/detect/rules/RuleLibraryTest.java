package dev.vigil.detect.rules;

import dev.vigil.appliance.ApplianceProperties;
import dev.vigil.appliance.FirstStart;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditTrail;
import dev.vigil.detect.SampleRules;
import dev.vigil.detect.sigma.RuleStatus;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantRegistry;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule library on real H2 and SQLite files: changes are stored, audited, compiled, and bad rules refused. */
class RuleLibraryTest {

    private static final String RULE = SampleRules.WHOAMI;

    @TempDir
    Path data;
    @TempDir
    Path factory;

    private ApplicationContext start(String database) {
        Map<String, Object> props = ApplianceProperties.forDataDir(data, database);
        props.put("micronaut.server.port", -1);
        props.put("vigil.detect.factory-rules-dir", factory.toString());
        ApplicationContext context = ApplicationContext.run(props, "test");
        context.getBean(FirstStart.class).run();
        return context;
    }

    private static TenantId customer() {
        return TenantId.of("customer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void anAddedRuleIsStoredCompiledAndAuditedAndSurvivesRestart(String database) {
        try (ApplicationContext ctx = start(database)) {
            RuleLibrary library = ctx.getBean(RuleLibrary.class);
            List<RuleStatus> added = library.add(customer(), "mine/whoami.yml", RULE, "alice", "admin");
            assertEquals(RuleStatus.State.ENABLED, added.getFirst().state());
            AuditEntry last = lastEntry(ctx);
            assertEquals("rules.add", last.action());
            assertEquals("user/mine/whoami.yml", last.object());
        }
        try (ApplicationContext ctx = start(database)) {
            assertTrue(ctx.getBean(RuleLibrary.class).status(customer(), "11111111-2222-4333-8444-555555555555").orElseThrow().enabled());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void anInvalidRuleIsRefusedNamingLineAndProblemAndNothingChanges(String database) {
        try (ApplicationContext ctx = start(database)) {
            RuleLibrary library = ctx.getBean(RuleLibrary.class);
            long before = ctx.getBean(AuditTrail.class).size();
            RuleRejectedException e = assertThrows(RuleRejectedException.class, () -> library.add(customer(), "bad.yml",
                    RULE.replace("Image|endswith", "Image|endwith"), "alice", "admin"));
            assertTrue(e.getMessage().contains("user/bad.yml:6"), e.getMessage());
            assertTrue(e.getMessage().contains("unknown modifier 'endwith'"), e.getMessage());
            assertEquals(before, ctx.getBean(AuditTrail.class).size());
            assertTrue(library.statuses(customer()).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void disablingAFactoryRuleIsAuditedAndStopsItButItCannotBeRemoved(String database) throws Exception {
        Files.writeString(factory.resolve("whoami.yml"), RULE);
        try (ApplicationContext ctx = start(database)) {
            RuleLibrary library = ctx.getBean(RuleLibrary.class);
            RuleStatus status = library.setEnabled(customer(), "11111111-2222-4333-8444-555555555555", false, "too noisy", "alice", "admin");
            assertEquals(RuleStatus.State.DISABLED, status.state());
            assertEquals(0, library.engine(customer()).enabledCount());
            assertEquals("rule.disable", lastEntry(ctx).action());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> library.remove(customer(), "11111111-2222-4333-8444-555555555555", "alice", "admin"));
            assertTrue(e.getMessage().contains("can be disabled, not removed"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void importingADirectoryKeepsValidFilesAndListsTheRejectedOnes(String database) throws Exception {
        Path dir = Files.createDirectories(data.resolveSibling(data.getFileName() + "-import").resolve("sigma"));
        Files.writeString(dir.resolve("good.yml"), RULE);
        Files.writeString(dir.resolve("broken.yml"), "title: Broken\nlogsource: {product: windows}\ndetection:\n  sel: {a: 1}\n  condition: sel and (\n");
        try (ApplicationContext ctx = start(database)) {
            ImportReport report = ctx.getBean(RuleLibrary.class).importDirectory(customer(), dir, "alice", "admin");
            assertEquals(1, report.added());
            assertEquals(1, report.rejected().size());
            assertTrue(report.rejected().getFirst().contains("broken.yml:5"), report.rejected().getFirst());
            assertTrue(report.rejected().getFirst().contains("unbalanced parentheses"), report.rejected().getFirst());
            assertEquals("rules.import", lastEntry(ctx).action());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void oneTenantsRulesAreInvisibleToAnother(String database) {
        try (ApplicationContext ctx = start(database)) {
            ctx.getBean(TenantRegistry.class).ensure(TenantId.of("other"), "Other", dev.vigil.tenancy.TenantKind.CUSTOMER);
            RuleLibrary library = ctx.getBean(RuleLibrary.class);
            library.add(customer(), "whoami.yml", RULE, "alice", "admin");
            assertTrue(library.statuses(TenantId.of("other")).isEmpty());
            assertThrows(NoSuchRuleException.class, () -> library.setEnabled(TenantId.of("other"),
                    "11111111-2222-4333-8444-555555555555", false, null, "bob", "admin"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void aFilterTunesTheRuleItNamesAndItsChangesAreAuditedAsFilterChanges(String database) {
        String filter = """
                title: Whoami run by the inventory agent
                id: 99999999-2222-4333-8444-555555555555
                logsource: {product: windows, category: process_creation}
                filter:
                    rules: [11111111-2222-4333-8444-555555555555]
                    selection:
                        ParentImage|endswith: '\\inventory-agent.exe'
                    condition: selection
                """;
        try (ApplicationContext ctx = start(database)) {
            RuleLibrary library = ctx.getBean(RuleLibrary.class);
            library.add(customer(), "whoami.yml", RULE, "alice", "admin");
            library.add(customer(), "filters/inventory.yml", filter, "alice", "admin");
            assertEquals("filter.add", lastEntry(ctx).action());
            assertEquals(List.of(), library.engine(customer()).evaluate(whoami("C:\\Tools\\inventory-agent.exe")));
            assertEquals(1, library.engine(customer()).evaluate(whoami("C:\\Windows\\explorer.exe")).size());
            library.setEnabled(customer(), "99999999-2222-4333-8444-555555555555", false, "agent retired", "alice", "admin");
            assertEquals("filter.disable", lastEntry(ctx).action());
            assertEquals(1, library.engine(customer()).evaluate(whoami("C:\\Tools\\inventory-agent.exe")).size());
        }
    }

    private static NormalizedEvent whoami(String parent) {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        return new NormalizedEvent(1, customer(), now, now, "windows-json", new LogSource("windows", "process_creation", "sysmon"),
                Map.of("Image", "C:\\Windows\\System32\\whoami.exe", "ParentImage", parent), "{}", null);
    }

    private static AuditEntry lastEntry(ApplicationContext ctx) {
        return ctx.getBean(AuditTrail.class).entries(customer(), 1).getFirst();
    }
}
