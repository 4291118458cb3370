package dev.vigil.detect.correlation;

import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.RuleMatch;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.vigil.detect.correlation.CorrelationFixture.T0;
import static dev.vigil.detect.correlation.CorrelationFixture.engine;
import static dev.vigil.detect.correlation.CorrelationFixture.offerAll;
import static dev.vigil.detect.correlation.CorrelationFixture.rule;
import static dev.vigil.detect.correlation.CorrelationFixture.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every example of the Sigma correlation rules specification 2.1, read and then driven with matches. */
class CorrelationSpecificationExamplesTest {

    private static final String FAILED_LOGIN_UUID = "5638f7c0-ac70-491d-8465-2a65075e0d86";

    private final CorrelationFixture fixture = new CorrelationFixture();

    private static final String MANY_FAILED_LOGINS = """
            title: Many failed logins
            id: 0e95725d-7320-415d-80f7-004da920fc11
            correlation:
                type: event_count
                rules:
                    - 5638f7c0-ac70-491d-8465-2a65075e0d86
                group-by:
                    - ComputerName
                timespan: 1h
                condition:
                    gte: 100
            """;

    @Test
    void eventCountFiresAtTheHundredthFailedLoginOnOneComputerWithinAnHour() throws Exception {
        CorrelationEngine engine = engine(MANY_FAILED_LOGINS);
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            fired.addAll(offerAll(engine, fixture.matchById(FAILED_LOGIN_UUID, seconds(30L * i), "ComputerName", "dc1")));
            fired.addAll(offerAll(engine, fixture.matchById(FAILED_LOGIN_UUID, seconds(30L * i), "ComputerName", "dc2")));
        }
        assertEquals(List.of(), fired, "99 per computer");
        assertEquals(List.of("Many failed logins {ComputerName=dc1}"),
                offerAll(engine, fixture.matchById(FAILED_LOGIN_UUID, seconds(2990), "ComputerName", "dc1")));
    }

    @Test
    void valueCountFiresAtTheHundredthDistinctUserPerSourceAndDestination() throws Exception {
        CorrelationEngine engine = engine("""
                title: Failed login
                id: 0e95725d-7320-415d-80f7-004da920fc12
                correlation:
                    type: value_count
                    rules:
                        - 5638f7c0-ac70-491d-8465-2a65075e0d86
                    group-by:
                        - ComputerName
                        - WorkstationName
                    timespan: 1d
                    condition:
                        field: User
                        gte: 100
                """);
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            for (int repeat = 0; repeat < 3; repeat++) {
                fired.addAll(offerAll(engine, fixture.matchById(FAILED_LOGIN_UUID, seconds(i * 10L + repeat),
                        "ComputerName", "dc1", "WorkstationName", "ws7", "User", "user" + i)));
            }
        }
        assertEquals(List.of(), fired, "297 failures but 99 users");
        assertEquals(List.of("Failed login {ComputerName=dc1, WorkstationName=ws7}"), offerAll(engine,
                fixture.matchById(FAILED_LOGIN_UUID, seconds(5000), "ComputerName", "dc1", "WorkstationName", "ws7", "User", "user99")));
    }

    private static final String RECON = """
            title: Recon
            correlation:
                type: temporal
                rules:
                    - recon_cmd_a
                    - recon_cmd_b
                    - recon_cmd_c
                group-by:
                    - ComputerName
                    - User
                timespan: 5m
            """;

    @Test
    void temporalFiresWhenAllThreeReconRulesMatchInAnyOrderWithinFiveMinutes() throws Exception {
        CorrelationEngine engine = engine(RECON);
        assertEquals(List.of("Recon {ComputerName=pc1, User=bob}"), offerAll(engine,
                fixture.match("recon_cmd_c", seconds(0), "ComputerName", "pc1", "User", "bob"),
                fixture.match("recon_cmd_a", seconds(60), "ComputerName", "pc1", "User", "bob"),
                fixture.match("recon_cmd_b", seconds(120), "ComputerName", "pc1", "User", "bob")));
    }

    @Test
    void temporalDoesNotFireWhenOneReconRuleNeverMatches() throws Exception {
        CorrelationEngine engine = engine(RECON);
        assertEquals(List.of(), offerAll(engine,
                fixture.match("recon_cmd_a", seconds(0), "ComputerName", "pc1", "User", "bob"),
                fixture.match("recon_cmd_b", seconds(10), "ComputerName", "pc1", "User", "bob"),
                fixture.match("recon_cmd_a", seconds(20), "ComputerName", "pc1", "User", "bob")));
    }

    @Test
    void temporalOrderedFiresForManyFailedLoginsFollowedBySuccessButNotTheReverse() throws Exception {
        String yaml = """
                title: Brute force then success
                correlation:
                    type: temporal_ordered
                    rules:
                        - many_failed_logins
                        - successful_login
                    group-by:
                        - User
                    timespan: 1h
                """;
        assertEquals(List.of("Brute force then success {User=ann}"), offerAll(engine(yaml),
                fixture.match("many_failed_logins", seconds(0), "User", "ann", "ComputerName", "a"),
                fixture.match("successful_login", seconds(600), "User", "ann", "ComputerName", "b")));
        assertEquals(List.of(), offerAll(engine(yaml),
                fixture.match("successful_login", seconds(0), "User", "ann"),
                fixture.match("many_failed_logins", seconds(600), "User", "ann")));
    }

    @Test
    void valueSumFiresWhenBytesSentToWebsitesExceedAMillionWithinAnHour() throws Exception {
        CorrelationEngine engine = engine("""
                title: Possible Exfiltration to Website
                correlation:
                    type: value_sum
                    rules:
                        - website_access
                    group-by:
                        - SourceIP
                        - User
                    timespan: 1h
                    condition:
                        field: bytes_sent
                        gt: 1000000
                """);
        assertEquals(List.of(), offerAll(engine,
                fixture.match("website_access", seconds(0), "SourceIP", "10.0.0.1", "User", "eve", "bytes_sent", "600000"),
                fixture.match("website_access", seconds(60), "SourceIP", "10.0.0.1", "User", "eve", "bytes_sent", "400000")));
        assertEquals(List.of("Possible Exfiltration to Website {SourceIP=10.0.0.1, User=eve}"), offerAll(engine,
                fixture.match("website_access", seconds(120), "SourceIP", "10.0.0.1", "User", "eve", "bytes_sent", "1")));
    }

    private static final String AVERAGE = """
            title: Suspicious average network traffic
            correlation:
                type: value_avg
                rules:
                    - rule_a_id
                group-by:
                    - SourceIP
                    - User
                timespan: 24h
                condition:
                    field: BytesOut
                    gt: 500
            """;

    @Test
    void valueAverageFiresOnceTheDayWhoseAverageExceedsFiveHundredIsOver() throws Exception {
        CorrelationEngine engine = engine(AVERAGE);
        assertEquals(List.of(), offerAll(engine,
                fixture.match("rule_a_id", seconds(0), "SourceIP", "10.0.0.2", "User", "joe", "BytesOut", "900"),
                fixture.match("rule_a_id", seconds(3600), "SourceIP", "10.0.0.2", "User", "joe", "BytesOut", "300")));
        List<CorrelationFiring> fired = engine.advance(T0.plus(Duration.ofHours(25)));
        assertEquals(1, fired.size());
        assertEquals(600.0, fired.getFirst().value());
    }

    @Test
    void valueAverageDoesNotFireForADayAveragingBelowFiveHundred() throws Exception {
        CorrelationEngine engine = engine(AVERAGE);
        offerAll(engine,
                fixture.match("rule_a_id", seconds(0), "SourceIP", "10.0.0.2", "User", "joe", "BytesOut", "900"),
                fixture.match("rule_a_id", seconds(3600), "SourceIP", "10.0.0.2", "User", "joe", "BytesOut", "50"));
        assertEquals(List.of(), engine.advance(T0.plus(Duration.ofHours(25))));
    }

    @Test
    void valuePercentileFiresForAProcessImageMakingUpAtMostOnePercentOfAComputersProcesses() throws Exception {
        CorrelationEngine engine = engine("""
                title: A computer spawned a processes name in the last 24h than 1% of all the processes.
                correlation:
                    type: value_percentile
                    rules:
                        - process_creation
                    group-by:
                        - ComputerName
                    timespan: 24h
                    condition:
                        field: image
                        lte: 1
                """);
        for (int i = 0; i < 150; i++) {
            engine.offer(fixture.match("process_creation", seconds(i), "ComputerName", "pc9", "image", i % 2 == 0 ? "svchost.exe" : "explorer.exe"));
        }
        RuleMatch rare = fixture.match("process_creation", seconds(200), "ComputerName", "pc9", "image", "mimikatz.exe");
        engine.offer(rare);
        List<CorrelationFiring> fired = engine.advance(T0.plus(Duration.ofHours(25)));
        assertEquals(1, fired.size());
        assertEquals("image", fired.getFirst().subject().field());
        assertEquals("mimikatz.exe", fired.getFirst().subject().value());
        assertEquals(List.of(rare.event().id()), fired.getFirst().eventIds());
    }

    @Test
    void aliasesCorrelateAnInternalErrorWithAConnectionBackFromTheSameAddresses() throws Exception {
        CorrelationEngine engine = engine("""
                title: —
                id: —
                correlation:
                    type: temporal
                    rules:
                        - internal_error
                        - new_network_connection
                    group-by:
                        - internal_ip
                        - remote_ip
                    timespan: 10s
                    aliases:
                        internal_ip:
                            internal_error: destination.ip
                            new_network_connection: source.ip
                        remote_ip:
                            internal_error: source.ip
                            new_network_connection: destination.ip
                """);
        assertEquals(List.of("— {internal_ip=10.0.0.5, remote_ip=203.0.113.9}"), offerAll(engine,
                fixture.match("internal_error", seconds(0), "destination.ip", "10.0.0.5", "source.ip", "203.0.113.9"),
                fixture.match("new_network_connection", seconds(3), "source.ip", "10.0.0.5", "destination.ip", "203.0.113.9")));
    }

    private static final String FAILED_THEN_SUCCESS = """
            title: Correlation - Multiple Failed Logins Followed by Successful Login
            id: b180ead8-d58f-40b2-ae54-c8940995b9b6
            status: experimental
            description: Detects multiple failed logins by a single user followed by a successful login of that user
            references:
                - https://reference.com
            author: Florian Roth (Nextron Systems)
            date: 2023-06-16
            correlation:
                type: temporal_ordered
                rules:
                    - multiple_failed_login
                    - successful_login
                group-by:
                    - User
                timespan: 10m
            falsepositives:
                - Unlikely
            level: high
            ---
            title: Multiple failed logons
            id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
            description: Detects multiple failed logins within a certain amount of time
            name: multiple_failed_login
            correlation:
                type: event_count
                rules:
                    - failed_login
                group-by:
                    - User
                timespan: 10m
                condition:
                    gte: 10
            ---
            title: Single failed login
            id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
            name: failed_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 529
                        - 4625
                condition: selection
            ---
            title: Successful login
            id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
            description: Detects a successful login
            name: successful_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 528
                        - 4624
                condition: selection
            """;

    /** Offers {@code failures} failed logins of alice, ten seconds apart, then her successful login at 200s. */
    private List<String> failedLoginsThenSuccess(int failures) throws Exception {
        CorrelationEngine engine = engine(FAILED_THEN_SUCCESS);
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            fired.addAll(offerAll(engine, fixture.match("failed_login", seconds(10L * i), "User", "alice")));
        }
        fired.addAll(offerAll(engine, fixture.match("successful_login", seconds(200), "User", "alice")));
        return fired;
    }

    @Test
    void theCompleteExampleChainsTenFailedLoginsIntoTheOrderedCorrelation() throws Exception {
        assertEquals(List.of("Multiple failed logons {User=alice}",
                "Correlation - Multiple Failed Logins Followed by Successful Login {User=alice}"), failedLoginsThenSuccess(10));
    }

    @Test
    void theCompleteExampleDoesNotFireForNineFailedLoginsFollowedBySuccess() throws Exception {
        assertEquals(List.of(), failedLoginsThenSuccess(9));
    }

    @Test
    void theCompleteExampleReadsItsMetadataAndSuppressesTheRulesItRefersTo() throws Exception {
        CorrelationRule outer = CorrelationFixture.rules(FAILED_THEN_SUCCESS).getFirst();
        assertEquals(RuleLevel.HIGH, outer.level());
        assertEquals(new CorrelationMetadata("experimental",
                "Detects multiple failed logins by a single user followed by a successful login of that user",
                "Florian Roth (Nextron Systems)", "2023-06-16", null, List.of("https://reference.com"), List.of("Unlikely"), null),
                outer.metadata());
        assertEquals(java.util.Set.of("multiple_failed_login", "successful_login", "failed_login"), engine(FAILED_THEN_SUCCESS).suppressedRules());
    }

    @Test
    void aRuleIsReferredToByIdOrByName() throws Exception {
        CorrelationEngine engine = engine("""
                title: login brute force
                id: 0e95725d-7320-415d-80f7-004da920fc11
                correlation:
                  type: temporal
                  rules:
                    - 5638f7c0-ac70-491d-8465-2a65075e0d86 # ID of the low firewall rule for action: block
                    - firewall_block  # The internal tools have a lookup table to the correct rule `id` by `name`
                  group-by:
                    - SourceIP
                  timespan: 1m
                """);
        assertEquals(List.of("login brute force {SourceIP=198.51.100.7}"), offerAll(engine,
                fixture.matchById(FAILED_LOGIN_UUID, seconds(0), "SourceIP", "198.51.100.7"),
                fixture.match("firewall_block", seconds(30), "SourceIP", "198.51.100.7")));
    }

    @Test
    void aRangeConditionFiresForAHourWithBetween101And200EventsOnceTheHourIsOver() throws Exception {
        CorrelationEngine engine = engine(MANY_FAILED_LOGINS.replace("gte: 100", "gt: 100\n        lte: 200"));
        List<CorrelationFiring> fired = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            fired.addAll(engine.offer(fixture.matchById(FAILED_LOGIN_UUID, seconds(i), "ComputerName", "dc1")));
        }
        assertEquals(List.of(), fired, "undecided while the hour lasts");
        for (int i = 0; i < 201; i++) {
            fired.addAll(engine.offer(fixture.matchById(FAILED_LOGIN_UUID, seconds(7200 + i), "ComputerName", "dc2")));
        }
        fired.addAll(engine.advance(T0.plus(Duration.ofHours(4))));
        assertEquals(List.of("Many failed logins {ComputerName=dc1}"), fired.stream().map(CorrelationFixture::describe).toList());
        assertEquals(150.0, fired.getFirst().value());
    }

    @Test
    void everyCorrelationInTheSpecificationsSchemaTestsIsRead() throws Exception {
        Path folder = Path.of(System.getProperty("vigil.shared.dir", "../shared"))
                .resolve("data/sigma-specification/tests/schema/correlation");
        assumeTrue(Files.isDirectory(folder), "needs " + folder + " (the Sigma specification in ../shared/data)");
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        List<String> types = new ArrayList<>();
        for (Path file : files) {
            types.add(rule(Files.readString(file)).type().sigmaName());
        }
        assertTrue(types.containsAll(List.of("event_count", "value_count", "temporal", "temporal_ordered", "value_sum", "value_avg",
                "value_percentile")), types.toString());
    }
}
