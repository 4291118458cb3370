package dev.vigil.analyst.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Logons read from the real normalised output of the connectors (their expected.json), not from invented fields. */
class LogonTest {

    private static List<Optional<Logon>> logonsOf(String connector) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(Path.of("connectors", connector, "expected.json").toFile());
        List<Optional<Logon>> out = new ArrayList<>();
        for (JsonNode e : expected.path("events")) {
            Map<String, Object> fields = new LinkedHashMap<>();
            e.path("fields").properties().forEach(f -> fields.put(f.getKey(), f.getValue().isArray()
                    ? new ObjectMapper().convertValue(f.getValue(), List.class) : f.getValue().asText()));
            out.add(Logon.of(new NormalizedEvent(1, TenantId.of("acme"), Instant.EPOCH, Instant.EPOCH, connector,
                    new LogSource(null, null, null), fields, "{}", null)));
        }
        return out;
    }

    private static List<Logon> present(List<Optional<Logon>> logons) {
        return logons.stream().flatMap(Optional::stream).toList();
    }

    @Test
    void sshdLogonsOfLinuxAuthAreReadWithTheirSourceAndOutcome() throws IOException {
        List<Logon> logons = present(logonsOf("linux-auth"));

        assertEquals(new Logon("alice", "198.51.100.23", true), logons.getFirst());
        assertEquals(List.of(new Logon("alice", "198.51.100.23", true), new Logon("admin", "203.0.113.50", false),
                new Logon("admin", "203.0.113.50", false), new Logon("root", "203.0.113.50", false),
                new Logon("root", "203.0.113.50", false), new Logon("deploy", "192.0.2.15", true)), logons,
                "su has no source, a disconnect is no logon; pam's failure falls back to source.address");
    }

    @Test
    void windowsLogonsAreOfTheTargetUserNotTheSubject() throws IOException {
        assertEquals(List.of(new Logon("alice", "10.20.30.17", true)), present(logonsOf("windows-json")));
    }

    @Test
    void cloudTrailConsoleLoginsAreReadWithTheirOutcomeAndArnWhenNoName() throws IOException {
        assertEquals(List.of(new Logon("arn:aws:iam::111122223333:root", "2001:db8::17", true)),
                present(logonsOf("aws-cloudtrail")));
    }
}
