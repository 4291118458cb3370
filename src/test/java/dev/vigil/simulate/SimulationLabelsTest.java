package dev.vigil.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationLabelsTest {

    @TempDir
    static Path dir;
    static SimulationFixture data;

    @BeforeAll
    static void generate() throws IOException {
        data = SimulationFixture.twoDays(dir);
    }

    @Test
    void everyLabelPointsAtAnExistingLineContainingItsEventId() {
        List<JsonNode> labels = data.labels();
        assertFalse(labels.isEmpty());
        for (JsonNode l : labels) {
            List<String> lines = data.lines(l.get("file").asText());
            int n = l.get("line").asInt();
            assertTrue(n >= 1 && n <= lines.size(), "line out of range: " + l);
            assertTrue(lines.get(n - 1).contains(l.get("eventId").asText()), "id not in line: " + l);
        }
    }

    @Test
    void labelledLineCountsMatchTheManifest() throws IOException {
        JsonNode manifest = SimulationFixture.JSON.readTree(dir.resolve(DirectorySink.MANIFEST).toFile());
        assertEquals(data.labels().size(), manifest.path("labels").path("lines").asInt());
        for (AttackKind k : AttackKind.values()) {
            long labelled = data.labels().stream().filter(l -> l.get("kind").asText().equals(k.name())).count();
            assertEquals(labelled, manifest.path("attacks").path(k.name()).path("labelledLines").asLong(), k.name());
            assertTrue(labelled > 0, k + " has no labelled lines");
        }
    }

    @Test
    void eachAttackKindLandsInTheFilesItsTechniquesTouch() {
        Map<AttackKind, Set<String>> required = new EnumMap<>(Map.of(
                AttackKind.CREDENTIAL_DUMPING, Set.of("windows-sysmon.ndjson", "windows-security.ndjson"),
                AttackKind.LATERAL_MOVEMENT, Set.of("windows-sysmon.ndjson", "windows-security.ndjson", "zeek-conn.ndjson"),
                AttackKind.PERSISTENCE, Set.of("windows-sysmon.ndjson", "windows-security.ndjson"),
                AttackKind.SSH_BRUTE_FORCE, Set.of("linux-auth.log", "linux-auditd.log", "zeek-conn.ndjson"),
                AttackKind.DISCOVERY, Set.of("windows-sysmon.ndjson", "windows-security.ndjson"),
                AttackKind.EXFILTRATION, Set.of("windows-sysmon.ndjson", "suricata-eve.ndjson"),
                AttackKind.CLOUD_ACCOUNT_TAKEOVER, Set.of("aws-cloudtrail.ndjson")));
        Set<String> windowsOnly = Set.of("windows-sysmon.ndjson", "windows-security.ndjson");
        for (AttackKind k : AttackKind.values()) {
            Set<String> files = data.labels().stream().filter(l -> l.get("kind").asText().equals(k.name()))
                    .map(l -> l.get("file").asText()).collect(Collectors.toSet());
            assertTrue(files.containsAll(required.get(k)), k + " missing files, has " + files);
            if (k == AttackKind.CREDENTIAL_DUMPING || k == AttackKind.PERSISTENCE || k == AttackKind.DISCOVERY) {
                assertEquals(windowsOnly, files, k + " should stay on the endpoint");
            }
            if (k == AttackKind.CLOUD_ACCOUNT_TAKEOVER) {
                assertEquals(required.get(k), files);
            }
        }
    }

    @Test
    void stepsOfEveryChainStartInOrder() {
        Map<String, TreeMap<Integer, Instant>> firstByStep = new TreeMap<>();
        for (JsonNode l : data.labels()) {
            String file = l.get("file").asText();
            Instant t = SimulationFixture.time(file, data.lines(file).get(l.get("line").asInt() - 1));
            firstByStep.computeIfAbsent(l.get("attackId").asText(), k -> new TreeMap<>())
                    .merge(l.get("step").asInt(), t, (a, b) -> a.isBefore(b) ? a : b);
        }
        assertEquals(data.summary().attacks().size(), firstByStep.size());
        firstByStep.forEach((attack, steps) -> {
            Instant previous = Instant.MIN;
            int expected = 1;
            for (Map.Entry<Integer, Instant> e : steps.entrySet()) {
                assertEquals(expected++, e.getKey(), attack + " skips a step");
                assertFalse(e.getValue().isBefore(previous), attack + " step " + e.getKey() + " starts before its predecessor");
                previous = e.getValue();
            }
        });
    }

    @Test
    void credentialDumpingOpensLsassWithAReadAccessMask() {
        List<JsonNode> access = labelledJson(AttackKind.CREDENTIAL_DUMPING, "windows-sysmon.ndjson").stream()
                .filter(n -> n.at("/winlog/event_id").asText().equals("10")).toList();
        assertFalse(access.isEmpty());
        for (JsonNode n : access) {
            assertTrue(n.at("/winlog/event_data/TargetImage").asText().endsWith("lsass.exe"));
            assertTrue(Set.of("0x1010", "0x1410", "0x1fffff").contains(n.at("/winlog/event_data/GrantedAccess").asText()));
        }
    }

    @Test
    void lateralMovementLogsANetworkLogonOnAnotherHost() {
        List<JsonNode> logons = labelledJson(AttackKind.LATERAL_MOVEMENT, "windows-security.ndjson").stream()
                .filter(n -> n.at("/winlog/event_id").asText().equals("4624")).toList();
        assertFalse(logons.isEmpty());
        Set<String> sources = labelledJson(AttackKind.LATERAL_MOVEMENT, "windows-sysmon.ndjson").stream()
                .filter(n -> n.at("/winlog/event_id").asText().equals("3"))
                .map(n -> n.at("/winlog/event_data/SourceIp").asText()).collect(Collectors.toSet());
        for (JsonNode n : logons) {
            assertEquals("3", n.at("/winlog/event_data/LogonType").asText());
            assertTrue(sources.contains(n.at("/winlog/event_data/IpAddress").asText()), "logon from the attacking host");
        }
    }

    @Test
    void sshBruteForceFailsManyTimesFromOneAddressBeforeSucceeding() {
        List<String> auth = data.labels().stream().filter(l -> l.get("attackId").asText().equals("ssh-brute-force-1")
                        && l.get("file").asText().equals("linux-auth.log"))
                .map(l -> data.lines("linux-auth.log").get(l.get("line").asInt() - 1)).toList();
        int accepted = -1;
        int failed = 0;
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < auth.size(); i++) {
            String line = auth.get(i);
            if (line.contains("Failed password")) {
                failed++;
                assertEquals(-1, accepted, "failure after success");
                sources.add(line.replaceAll(".* from (\\S+) port .*", "$1"));
            } else if (line.contains("Accepted password") && accepted < 0) {
                accepted = i;
            }
        }
        assertTrue(failed >= 20, "only " + failed + " failures");
        assertTrue(accepted > 0);
        assertEquals(1, sources.size());
        assertTrue(auth.stream().skip(accepted).anyMatch(l -> l.contains("COMMAND=")), "sudo after login");
    }

    @Test
    void cloudTakeoverLogsInWithoutMfaAndGrantsAdministratorAccess() {
        List<JsonNode> events = labelledJson(AttackKind.CLOUD_ACCOUNT_TAKEOVER, "aws-cloudtrail.ndjson").stream()
                .filter(n -> n.get("sourceIPAddress").asText().equals(firstLoginIp())).toList();
        assertEquals("ConsoleLogin", events.getFirst().get("eventName").asText());
        assertEquals("No", events.getFirst().at("/additionalEventData/MFAUsed").asText());
        assertTrue(events.stream().anyMatch(n -> n.get("eventName").asText().equals("AttachUserPolicy")
                && n.at("/requestParameters/policyArn").asText().endsWith("/AdministratorAccess")));
        assertTrue(events.stream().allMatch(n -> n.get("sourceIPAddress").asText()
                .equals(events.getFirst().get("sourceIPAddress").asText())));
    }

    private static String firstLoginIp() {
        return labelledJson(AttackKind.CLOUD_ACCOUNT_TAKEOVER, "aws-cloudtrail.ndjson").getFirst().get("sourceIPAddress").asText();
    }

    private static List<JsonNode> labelledJson(AttackKind kind, String file) {
        return data.labels().stream().filter(l -> l.get("kind").asText().equals(kind.name()) && l.get("file").asText().equals(file))
                .map(l -> SimulationFixture.parse(data.lines(file).get(l.get("line").asInt() - 1))).toList();
    }
}
