package dev.vigil.analyst.incident;

import dev.vigil.appliance.ApplianceProperties;
import dev.vigil.appliance.FirstStart;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.Verdict;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incidents on real H2 and SQLite files: grouping, merging through a linking alert, and closing. */
class IncidentStorageTest {

    private static final TenantId CUSTOMER = TenantId.of("customer");
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path data;

    private ApplicationContext start(String database) {
        Map<String, Object> props = ApplianceProperties.forDataDir(data, database);
        props.put("micronaut.server.port", -1);
        ApplicationContext context = ApplicationContext.run(props, "test");
        context.getBean(FirstStart.class).run();
        return context;
    }

    private static Alert raise(ApplicationContext c, String rule, int minute, MatchedField... matched) {
        Instant at = T.plusSeconds(60L * minute);
        return c.getBean(AlertService.class).record(new AlertCandidate(CUSTOMER, rule, rule, RuleLevel.HIGH,
                List.of("attack.execution"), AlertKind.DETECTION, at, at, List.of(), List.of(matched), rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void anAlertLinkingTwoIncidentsMergesThemIntoTheOlderAndClosingGivesEveryAlertTheVerdict(String database) {
        try (ApplicationContext c = start(database)) {
            IncidentService incidents = c.getBean(IncidentService.class);
            Alert onHost = raise(c, "r-host", 0, new MatchedField("host.name", "ws-07"));
            Alert onUser = raise(c, "r-user", 5, new MatchedField("user.name", "CORP\\ann"));
            Alert linking = raise(c, "r-link", 10, new MatchedField("host.name", "WS-07"), new MatchedField("user.name", "ann@corp.example"));

            IncidentView merged = incidents.ofAlert(CUSTOMER, linking.id()).orElseThrow();

            assertEquals(incidents.ofAlert(CUSTOMER, onHost.id()).orElseThrow().id(), merged.id());
            assertEquals(merged.id(), incidents.ofAlert(CUSTOMER, onUser.id()).orElseThrow().id());
            assertEquals(3, merged.alertCount());
            assertTrue(merged.entities().containsAll(List.of("host:ws-07", "user:ann")), merged.entities().toString());
            assertEquals(1, incidents.list(CUSTOMER, false, 10).size(), "the absorbed incident is no longer open");

            IncidentView closed = incidents.close(CUSTOMER, merged.id(), Verdict.FALSE_POSITIVE, "test", "analyst-1", "analyst");

            assertEquals("CLOSED", closed.status());
            assertTrue(closed.timeline().stream().allMatch(e -> "FALSE_POSITIVE".equals(e.verdict())), closed.toString());
        }
    }
}
