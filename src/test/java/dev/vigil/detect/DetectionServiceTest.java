package dev.vigil.detect;

import dev.vigil.appliance.ApplianceProperties;
import dev.vigil.appliance.FirstStart;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.rules.RuleLibrary;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Detection turns matches into alert candidates as the correlation specification says: rules and correlations that
 * another correlation uses without {@code generate} raise no alert of their own; the outer correlation does.
 */
class DetectionServiceTest {

    private static final String SPEC_EXAMPLE = """
            title: Failed logins followed by a success
            id: b180ead8-d58f-40b2-ae54-c8940995b9b6
            correlation:
                type: temporal_ordered
                rules: [multiple_failed_login, successful_login]
                group-by: [User]
                timespan: 10m
            level: high
            ---
            title: Multiple failed logons
            id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
            name: multiple_failed_login
            correlation:
                type: event_count
                rules: [failed_login]
                group-by: [User]
                timespan: 10m
                condition: {gte: 3}
            ---
            title: Single failed login
            id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
            name: failed_login
            logsource: {product: windows, service: security}
            detection:
                selection:
                    EventID: 4625
                condition: selection
            ---
            title: Successful login
            id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
            name: successful_login
            logsource: {product: windows, service: security}
            detection:
                selection:
                    EventID: 4624
                condition: selection
            """;

    @Test
    void correlationsThatReferToEachOtherInACycleAreRefusedNamingTheCycle() {
        String cycle = """
                title: A
                id: 00000000-0000-4000-8000-0000000000c1
                name: corr_a
                correlation: {type: event_count, rules: [corr_b], group-by: [User], timespan: 5m, condition: {gte: 2}}
                ---
                title: B
                id: 00000000-0000-4000-8000-0000000000c2
                name: corr_b
                correlation: {type: event_count, rules: [corr_a], group-by: [User], timespan: 5m, condition: {gte: 2}}
                """;
        List<dev.vigil.detect.sigma.RuleStatus> statuses = DetectionContent.compile(
                List.of(new dev.vigil.detect.sigma.RuleSource("cycle.yml", cycle)), dev.vigil.detect.sigma.EngineOptions.DEFAULTS).statuses();
        List<String> reasons = statuses.stream().filter(st -> st.state() == dev.vigil.detect.sigma.RuleStatus.State.INVALID)
                .map(dev.vigil.detect.sigma.RuleStatus::reason).toList();
        assertEquals(2, reasons.size(), statuses.toString());
        assertEquals(true, reasons.get(0).contains("in a cycle: corr_a -> corr_b -> corr_a"), reasons.get(0));
        assertEquals(true, reasons.get(1).contains("in a cycle: corr_b -> corr_a -> corr_b"), reasons.get(1));
    }

    @TempDir
    Path data;
    @TempDir
    Path factory;

    @Test
    void onlyTheOuterCorrelationOfAChainRaisesAnAlert() {
        Map<String, Object> props = ApplianceProperties.forDataDir(data, "h2");
        props.put("micronaut.server.port", -1);
        props.put("vigil.detect.factory-rules-dir", factory.toString());
        try (ApplicationContext ctx = ApplicationContext.run(props, "test")) {
            TenantId tenant = ctx.getBean(FirstStart.class).run();
            ctx.getBean(RuleLibrary.class).add(tenant, "spec/brute.yml", SPEC_EXAMPLE, "alice", "admin");
            DetectionService detection = ctx.getBean(DetectionService.class);
            Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
            List<String> raised = new ArrayList<>();
            long sequence = 1;
            for (int eventId : new int[] {4625, 4625, 4625, 4624}) {
                NormalizedEvent event = new NormalizedEvent(sequence, tenant, t0.plusSeconds(10 * sequence), t0, "windows-json",
                        new LogSource("windows", null, "security"), Map.of("EventID", (long) eventId, "User", "ann"), "{}", null);
                sequence++;
                detection.detect(event).stream().map(AlertCandidate::title).forEach(raised::add);
            }
            assertEquals(List.of("Failed logins followed by a success"), raised);
        }
    }
}
