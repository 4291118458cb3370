package dev.vigil.connectors.parse;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonRecordParserTest {

    private static final ParseContext CONTEXT = ParseContext.utc(Instant.parse("2025-01-01T00:00:00Z"));

    private static Map<String, Object> parse(String json) throws RecordParseException {
        return new JsonRecordParser().parse(json, CONTEXT);
    }

    @Test
    void nestedObjectsBecomeDottedNames() throws RecordParseException {
        assertEquals(Map.of("a.b.c", "x", "d", "y"), parse("{\"a\":{\"b\":{\"c\":\"x\"}},\"d\":\"y\"}"));
    }

    @Test
    void numbersKeepTheirKind() throws RecordParseException {
        Map<String, Object> fields = parse("{\"i\":42,\"f\":1.5,\"big\":123456789012345678901234,\"t\":true}");
        assertEquals(42L, fields.get("i"));
        assertEquals(1.5, fields.get("f"));
        assertEquals("123456789012345678901234", fields.get("big"));
        assertEquals(Boolean.TRUE, fields.get("t"));
    }

    @Test
    void arraysStayListsWithObjectsAsJsonText() throws RecordParseException {
        assertEquals(List.of(1L, "x", "{\"k\":2}"), parse("{\"l\":[1,\"x\",{\"k\":2},null]}").get("l"));
    }

    @Test
    void nullsAddNothing() throws RecordParseException {
        assertFalse(parse("{\"n\":null,\"o\":{}}").containsKey("n"));
    }

    @Test
    void roundingOptionRoundsFloatingPointOnly() throws RecordParseException {
        Map<String, Object> fields = new JsonRecordParser(6).parse("{\"rtt\":0.0008699893951416016,\"n\":3}", CONTEXT);
        assertEquals(0.00087, fields.get("rtt"));
        assertEquals(3L, fields.get("n"));
    }

    @Test
    void anArrayIsNotARecord() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("[1]"));
        assertEquals("expected a JSON object, found an array at column 1", e.getMessage());
    }

    @Test
    void trailingTextIsRejectedWithItsColumn() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("{\"a\":1} x"));
        assertTrue(e.getMessage().contains("column 9"), e.getMessage());
    }

    @Test
    void unknownOptionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JsonRecordParser.fromOptions(Map.of("flatten", "no")));
    }
}
