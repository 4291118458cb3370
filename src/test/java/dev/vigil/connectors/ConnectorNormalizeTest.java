package dev.vigil.connectors;

import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorNormalizeTest {

    private static final Instant RECEIVED = Instant.parse("2025-01-02T03:04:05Z");

    private static Connector connector(String yaml) {
        return Connector.compile(ConnectorSpecReader.parse(Path.of("connector.yaml"), yaml), ParserRegistry.standard());
    }

    private static NormalizedEvent normalize(Connector connector, String payload) {
        return connector.normalize(new RawEvent(7, TenantId.of("t"), connector.name(), "test", RECEIVED, payload));
    }

    private static final Connector JSON = connector("""
            name: j
            framing: json
            parser: {name: json}
            timestamp: [time, ts]
            logsource: {product: p}
            copy: {user: user.name, port: destination.port}
            types: {destination.port: long}
            drop: [secret]
            steps:
              - when: {kind: [login]}
                logsource: {product: p, category: authentication}
              - field: msg
                patterns:
                  - match: 'from (?<source.ip>\\S+)'
                    set: {event.action: seen}
            """);

    @Test
    void aStepWithPresentAppliesOnlyWhenEveryListedFieldIsThere() {
        Connector byFields = connector("""
                name: z
                framing: json
                parser: {name: json}
                logsource: {product: zeek}
                steps:
                  - present: [trans_id, rejected]
                    logsource: {product: zeek, service: dns}
                """);
        assertEquals("dns", normalize(byFields, "{\"trans_id\": 1, \"rejected\": false}").logSource().service());
        assertNull(normalize(byFields, "{\"trans_id\": 1}").logSource().service());
    }

    @Test
    void malformedRecordBecomesUnparsedWithReason() {
        NormalizedEvent event = normalize(JSON, "{\"a\": ");
        assertTrue(event.hasParseError());
        assertTrue(event.parseError().startsWith("invalid JSON"), event.parseError());
        assertEquals("{\"a\": ", event.raw());
    }

    @Test
    void missingTimestampFallsBackToReceiveTimeWithoutError() {
        NormalizedEvent event = normalize(JSON, "{\"a\": 1}");
        assertNull(event.parseError());
        assertEquals(RECEIVED, event.timestamp());
    }

    @Test
    void laterTimestampCandidateUsedWhenEarlierAbsent() {
        assertEquals(Instant.parse("2024-05-06T07:08:09.5Z"), normalize(JSON, "{\"ts\": 1714979289.5}").timestamp());
    }

    @Test
    void copiesThenTypesThenDrops() {
        NormalizedEvent event = normalize(JSON, "{\"user\": \"bob\", \"port\": \"443\", \"secret\": \"x\"}");
        assertEquals("bob", event.field("user.name"));
        assertEquals(443L, event.field("destination.port"));
        assertFalse(event.fields().containsKey("secret"));
    }

    @Test
    void whenConditionReplacesLogSource() {
        assertEquals(new LogSource("p", "authentication", null), normalize(JSON, "{\"kind\": \"login\"}").logSource());
        assertEquals(new LogSource("p", null, null), normalize(JSON, "{\"kind\": \"logout\"}").logSource());
    }

    @Test
    void dottedGroupNamesAndConstantsAreSet() {
        NormalizedEvent event = normalize(JSON, "{\"msg\": \"seen from 10.0.0.1 today\"}");
        assertEquals("10.0.0.1", event.field("source.ip"));
        assertEquals("seen", event.field("event.action"));
    }

    @Test
    void whenMatchesNumbersByTheirText() {
        Connector windows = connector("""
                name: w
                parser: {name: json}
                steps:
                  - when: {EventID: [1]}
                    logsource: {category: process_creation}
                """);
        assertEquals("process_creation", normalize(windows, "{\"EventID\": 1}").logSource().category());
    }

    @Test
    void unexpectedFailureInsideParserIsReportedNotThrown() {
        ParserRegistry broken = new ParserRegistry(Map.of("boom", options -> (payload, context) -> {
            throw new IllegalStateException("kaput");
        }));
        Connector connector = Connector.compile(ConnectorSpecReader.parse(Path.of("c.yaml"), "name: b\nparser: {name: boom}\n"), broken);
        NormalizedEvent event = normalize(connector, "x");
        assertTrue(event.parseError().contains("connector 'b' failed on this record") && event.parseError().contains("kaput"),
                event.parseError());
    }

    @Test
    void registryGetNamesKnownConnectors() {
        ConnectorRegistry registry = ConnectorRegistry.load(Path.of("connectors"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.get("nope"));
        assertTrue(e.getMessage().contains("unknown connector 'nope'; known: ") && e.getMessage().contains("linux-syslog"));
        assertTrue(registry.find("nope").isEmpty());
        assertEquals(List.copyOf(registry.names()), registry.names().stream().sorted().toList());
    }
}
