package dev.vigil.ingest.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HecRequestReaderTest {

    private final HecRequestReader reader = new HecRequestReader();

    @Test
    void concatenatedObjectsWithoutSeparatorsAreSeparateEvents() throws Exception {
        List<HecEvent> events = reader.read("{\"event\":\"one\"}{\"event\":\"two\"}\n{\"event\":\"three\"}");
        assertEquals(List.of("one", "two", "three"), events.stream().map(HecEvent::payload).toList());
    }

    @Test
    void objectEventsAreKeptAsCompactJson() throws Exception {
        HecEvent e = reader.read("{\"event\": {\"a\": 1, \"b\": [\"x\"]}}").getFirst();
        assertEquals("{\"a\":1,\"b\":[\"x\"]}", e.payload());
    }

    @Test
    void metadataAndFractionalEpochTimeAreRead() throws Exception {
        HecEvent e = reader.read("{\"time\": 1700000000.250, \"host\": \"web1\", \"source\": \"/var/log/x\","
                + " \"sourcetype\": \"linux_secure\", \"event\": \"hello\"}").getFirst();
        assertEquals(Instant.parse("2023-11-14T22:13:20.250Z"), e.time());
        assertEquals("web1", e.host());
        assertEquals("/var/log/x", e.source());
        assertEquals("linux_secure", e.sourcetype());
    }

    @Test
    void timeAsStringIsAccepted() throws Exception {
        assertEquals(Instant.ofEpochSecond(1700000000), reader.read("{\"time\":\"1700000000\",\"event\":\"x\"}").getFirst().time());
    }

    @Test
    void missingTimeLeavesItUnset() throws Exception {
        assertNull(reader.read("{\"event\":\"x\"}").getFirst().time());
    }

    @Test
    void aMissingEventFieldIsRejectedNamingTheObject() {
        HecFormatException e = assertThrows(HecFormatException.class,
                () -> reader.read("{\"event\":\"ok\"}{\"host\":\"h\"}"));
        assertEquals(2, e.eventIndex());
        assertTrue(e.getMessage().contains("event field is missing"), e.getMessage());
    }

    @Test
    void brokenJsonIsRejectedNamingTheObject() {
        HecFormatException e = assertThrows(HecFormatException.class,
                () -> reader.read("{\"event\":\"ok\"}{\"event\": \"unterminated"));
        assertEquals(2, e.eventIndex());
        assertTrue(e.getMessage().startsWith("event 2: invalid JSON"), e.getMessage());
    }

    @Test
    void anEmptyBodyIsRejected() {
        assertThrows(HecFormatException.class, () -> reader.read("  "));
    }

    @Test
    void aTopLevelArrayIsRejected() {
        HecFormatException e = assertThrows(HecFormatException.class, () -> reader.read("[{\"event\":\"x\"}]"));
        assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
    }
}
