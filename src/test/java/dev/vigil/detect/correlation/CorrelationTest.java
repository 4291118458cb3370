package dev.vigil.detect.correlation;

import dev.vigil.detect.DetectionContent;
import dev.vigil.detect.RuleMatch;
import dev.vigil.detect.sigma.EngineOptions;
import dev.vigil.detect.sigma.RuleSource;
import dev.vigil.detect.sigma.RuleStatus;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Correlation rules from the specification's examples, driven by real rule matches over hand-made events. */
class CorrelationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final LogSource SECURITY = new LogSource("windows", null, "security");
    private static final String BASE_RULES = """
            title: Single failed login
            id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
            name: failed_login
            logsource: {product: windows, service: security}
            detection:
                selection:
                    EventID: [529, 4625]
                condition: selection
            ---
            title: Successful login
            id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
            name: successful_login
            logsource: {product: windows, service: security}
            detection:
                selection:
                    EventID: [528, 4624]
                condition: selection
            """;

    private long sequence;

    private NormalizedEvent event(Instant at, int eventId, Map<String, Object> extra) {
        Map<String, Object> fields = new LinkedHashMap<>(extra);
        fields.put("EventID", (long) eventId);
        return new NormalizedEvent(++sequence, TenantId.of("t"), at, at, "windows-json", SECURITY, fields, "{}", null);
    }

    private NormalizedEvent login(Instant at, int eventId, String user) {
        return event(at, eventId, Map.of("User", user, "Computer", "dc1"));
    }

    private static DetectionContent content(String... documents) {
        return DetectionContent.compile(List.of(new RuleSource("test.yml", String.join("\n---\n", documents))), EngineOptions.DEFAULTS);
    }

    /** Runs the events through the content; returns every correlation firing and every unsuppressed base match. */
    private static List<String> run(DetectionContent content, List<NormalizedEvent> events) {
        List<String> fired = new ArrayList<>();
        for (NormalizedEvent event : events) {
            for (RuleMatch match : content.sigma().evaluate(event)) {
                if (!content.suppressed(match)) {
                    fired.add("match:" + match.title());
                }
                content.correlate(match).forEach(f -> fired.add(f.rule().title() + " " + f.group()));
            }
        }
        return fired;
    }

    private static String count(String title, String type, String groupBy, String timespan, String condition) {
        return """
                title: %s
                id: %s
                correlation:
                    type: %s
                    rules: [failed_login]
                    group-by: [%s]
                    timespan: %s
                    condition: %s
                level: high
                """.formatted(title, java.util.UUID.nameUUIDFromBytes(title.getBytes()), type, groupBy, timespan, condition);
    }

    @Test
    void theSpecificationsFailedLoginsFollowedBySuccessfulLoginExampleFires() {
        DetectionContent content = content(BASE_RULES, """
                title: Correlation - Multiple Failed Logins Followed by Successful Login
                id: b180ead8-d58f-40b2-ae54-c8940995b9b6
                correlation:
                    type: temporal_ordered
                    rules: [multiple_failed_login, successful_login]
                    group-by: [User]
                    timespan: 10m
                level: high
                """, """
                title: Multiple failed logons
                id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
                name: multiple_failed_login
                correlation:
                    type: event_count
                    rules: [failed_login]
                    group-by: [User]
                    timespan: 10m
                    condition:
                        gte: 10
                """);
        assertTrue(content.statuses().stream().allMatch(RuleStatus::enabled), content.statuses().toString());
        List<NormalizedEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(login(T0.plusSeconds(10L * i), 4625, "alice"));
        }
        events.add(login(T0.plusSeconds(200), 4624, "alice"));
        List<String> fired = run(content, events);
        assertEquals(List.of("Multiple failed logons {User=alice}",
                "Correlation - Multiple Failed Logins Followed by Successful Login {User=alice}"), fired);
    }

    @Test
    void aSuccessfulLoginBeforeTheFailuresDoesNotCompleteTheOrderedCorrelation() {
        DetectionContent content = content(BASE_RULES, """
                title: Failed then success
                id: 00000000-0000-4000-8000-000000000001
                correlation:
                    type: temporal_ordered
                    rules: [failed_login, successful_login]
                    group-by: [User]
                    timespan: 10m
                """);
        assertEquals(List.of(), run(content, List.of(login(T0, 4624, "bob"), login(T0.plusSeconds(5), 4625, "bob"))));
        assertEquals(List.of("Failed then success {User=bob}"),
                run(content, List.of(login(T0.plusSeconds(10), 4624, "bob"))));
    }

    @Test
    void temporalFiresWhateverTheOrder() {
        DetectionContent content = content(BASE_RULES, """
                title: Both within 5m
                id: 00000000-0000-4000-8000-000000000002
                correlation:
                    type: temporal
                    rules: [failed_login, successful_login]
                    group-by: [User]
                    timespan: 5m
                """);
        assertEquals(List.of("Both within 5m {User=carol}"),
                run(content, List.of(login(T0, 4624, "carol"), login(T0.plusSeconds(60), 4625, "carol"))));
    }

    @Test
    void anEventExactlyOneTimespanAfterTheFirstIsInsideTheWindow() {
        DetectionContent content = content(BASE_RULES, count("Three failures", "event_count", "User", "10m", "{gte: 3}"));
        assertEquals(List.of("Three failures {User=dave}"), run(content, List.of(login(T0, 4625, "dave"),
                login(T0.plus(Duration.ofMinutes(5)), 4625, "dave"), login(T0.plus(Duration.ofMinutes(10)), 4625, "dave"))));
    }

    @Test
    void anEventJustAfterTheTimespanStartsAFreshWindow() {
        DetectionContent content = content(BASE_RULES, count("Three failures", "event_count", "User", "10m", "{gte: 3}"));
        assertEquals(List.of(), run(content, List.of(login(T0, 4625, "erin"), login(T0.plus(Duration.ofMinutes(5)), 4625, "erin"),
                login(T0.plus(Duration.ofMinutes(10)).plusMillis(1), 4625, "erin"))));
    }

    @Test
    void groupsWithDifferentGroupByValuesDoNotMix() {
        DetectionContent content = content(BASE_RULES, count("Two failures", "event_count", "User", "1h", "{gte: 2}"));
        assertEquals(List.of(), run(content, List.of(login(T0, 4625, "frank"), login(T0.plusSeconds(1), 4625, "grace"))));
        assertEquals(List.of("Two failures {User=grace}"), run(content, List.of(login(T0.plusSeconds(2), 4625, "grace"))));
    }

    @Test
    void oneBurstFiresOnceThenCountingStartsAfresh() {
        DetectionContent content = content(BASE_RULES, count("Two failures", "event_count", "User", "1h", "{gte: 2}"));
        List<NormalizedEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(login(T0.plusSeconds(i), 4625, "heidi"));
        }
        assertEquals(2, run(content, events).size());
    }

    @Test
    void valueCountCountsDistinctValuesPerGroup() {
        DetectionContent content = content(BASE_RULES, count("Spraying", "value_count", "Computer", "1d", "{field: User, gte: 3}"));
        assertEquals(List.of(), run(content, List.of(login(T0, 4625, "a"), login(T0.plusSeconds(1), 4625, "a"),
                login(T0.plusSeconds(2), 4625, "b"))));
        assertEquals(List.of("Spraying {Computer=dc1}"), run(content, List.of(login(T0.plusSeconds(3), 4625, "c"))));
    }

    @Test
    void valueSumAddsTheNumericFieldAndSkipsValuesThatAreNotNumbers() {
        DetectionContent content = content(BASE_RULES, count("Big transfer", "value_sum", "User", "1h", "{field: Bytes, gt: 1000}"));
        assertEquals(List.of(), run(content, List.of(event(T0, 4625, Map.of("User", "ivan", "Bytes", "600")),
                event(T0.plusSeconds(1), 4625, Map.of("User", "ivan", "Bytes", "lots")))));
        assertEquals(List.of("Big transfer {User=ivan}"), run(content, List.of(event(T0.plusSeconds(2), 4625, Map.of("User", "ivan", "Bytes", "500")))));
    }

    @Test
    void valueAverageComparesTheMeanOnceTheWindowCloses() {
        DetectionContent content = content(BASE_RULES, count("High average", "value_avg", "User", "1h", "{field: Bytes, gt: 500}"));
        assertEquals(List.of(), run(content, List.of(event(T0, 4625, Map.of("User", "judy", "Bytes", "900")))));
        assertEquals(List.of("High average {User=judy}"), run(content, List.of(event(T0.plus(Duration.ofHours(2)), 4625, Map.of("User", "judy", "Bytes", "1")))));
    }

    @Test
    void anUpperBoundIsDecidedWhenTheWindowCloses() {
        DetectionContent content = content(BASE_RULES, count("Few failures", "event_count", "User", "10m", "{lt: 3}"));
        assertEquals(List.of(), run(content, List.of(login(T0, 4625, "kim"), login(T0.plusSeconds(30), 4625, "kim"))));
        assertEquals(List.of("Few failures {User=kim}"), run(content, List.of(login(T0.plus(Duration.ofMinutes(20)), 4625, "kim"))));
    }

    @Test
    void matchesOfDifferentTenantsNeverCorrelate() {
        DetectionContent content = content(BASE_RULES, count("Two failures", "event_count", "User", "1h", "{gte: 2}"));
        NormalizedEvent other = new NormalizedEvent(99, TenantId.of("other"), T0, T0, "windows-json", SECURITY,
                Map.of("EventID", 4625L, "User", "liam"), "{}", null);
        assertEquals(List.of(), run(content, List.of(login(T0, 4625, "liam"), other)));
    }

    @Test
    void theGroupCountIsBoundedAndEvictionsAreCounted() throws Exception {
        DetectionContent parsed = content(BASE_RULES, count("Two failures", "event_count", "User", "1h", "{gte: 2}"));
        CorrelationRule rule = new CorrelationRuleReader().read(parsed.sigma().correlationDocuments().getFirst());
        CorrelationEngine engine = new CorrelationEngine(List.of(rule), 2, 10);
        for (String user : List.of("u1", "u2", "u3")) {
            NormalizedEvent e = login(T0, 4625, user);
            engine.offer(new RuleMatch("53ba33fd-3a50-4468-a5ef-c583635cfa92", "failed_login", "f", dev.vigil.detect.RuleLevel.LOW,
                    List.of(), e, List.of()));
        }
        assertEquals(2, engine.stats().groups());
        assertEquals(1, engine.stats().evictedGroups());
    }

    @Test
    void aCorrelationWithAnUnknownTypeIsInvalidNamingTheLine() {
        DetectionContent content = content(BASE_RULES, count("Odd", "event_sum", "User", "1h", "{gte: 2}"));
        RuleStatus status = content.statuses().stream().filter(s -> s.kind() == RuleStatus.Kind.CORRELATION).findFirst().orElseThrow();
        assertEquals(RuleStatus.State.INVALID, status.state());
        assertTrue(status.reason().contains("test.yml:23") && status.reason().contains("unknown correlation type 'event_sum'"), status.reason());
    }

    @Test
    void aCorrelationReferringToAnUnknownRuleIsInvalid() {
        DetectionContent content = content(BASE_RULES, count("Dangling", "event_count", "User", "1h", "{gte: 2}").replace("[failed_login]", "[nope]"));
        RuleStatus status = content.statuses().stream().filter(s -> s.kind() == RuleStatus.Kind.CORRELATION).findFirst().orElseThrow();
        assertEquals(RuleStatus.State.INVALID, status.state());
        assertTrue(status.reason().contains("refers to nope"), status.reason());
    }

    @Test
    void aBadTimespanIsRejectedNamingIt() {
        DetectionContent content = content(BASE_RULES, count("Bad span", "event_count", "User", "1 hour", "{gte: 2}"));
        RuleStatus status = content.statuses().stream().filter(s -> s.kind() == RuleStatus.Kind.CORRELATION).findFirst().orElseThrow();
        assertTrue(status.reason().contains("timespan '1 hour' is not a positive number followed by s, m, h or d"), status.reason());
    }
}
