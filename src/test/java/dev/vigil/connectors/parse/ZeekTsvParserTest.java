package dev.vigil.connectors.parse;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ZeekTsvParserTest {

    private static final ParseContext CONTEXT = ParseContext.utc(Instant.parse("2025-01-01T00:00:00Z"));
    private static final String HEADERS = String.join("\n",
            "#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)", "#unset_field\t-", "#path\tdns",
            "#fields\tts\tid.orig_p\trtt\tAA\tanswers\tTTLs\tquery\tqclass_name",
            "#types\ttime\tport\tinterval\tbool\tvector[string]\tvector[interval]\tstring\tstring") + "\n";

    private static Map<String, Object> parse(String data) throws RecordParseException {
        return new ZeekTsvParser().parse(HEADERS + data, CONTEXT);
    }

    @Test
    void valuesAreTypedByTheTypesHeader() throws RecordParseException {
        Map<String, Object> fields = parse("1521911720.8657\t41772\t0.000870\tT\ta,b\t2230.000000,1.5\tx\ty");
        assertEquals("dns", fields.get("_path"));
        assertEquals("2018-03-24T17:15:20.865700Z", fields.get("ts"));
        assertEquals(41772L, fields.get("id.orig_p"));
        assertEquals(0.00087, fields.get("rtt"));
        assertEquals(Boolean.TRUE, fields.get("AA"));
        assertEquals(List.of("a", "b"), fields.get("answers"));
        assertEquals(List.of(2230.0, 1.5), fields.get("TTLs"));
    }

    @Test
    void unsetFieldsAreLeftOutAndEmptyOnesAreEmpty() throws RecordParseException {
        Map<String, Object> fields = parse("1.0\t1\t-\tF\t(empty)\t-\t(empty)\t-");
        assertFalse(fields.containsKey("rtt"));
        assertFalse(fields.containsKey("TTLs"));
        assertEquals(List.of(), fields.get("answers"));
        assertEquals("", fields.get("query"));
    }

    @Test
    void escapesAreDecoded() throws RecordParseException {
        assertEquals("\\pipe\\a-b\u00e9", parse("1.0\t1\t-\tF\t-\t-\t\\\\pipe\\\\a\\x2db\\xc3\\xa9\t-").get("query"));
    }

    @Test
    void columnCountMustMatchFields() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("1.0\t1"));
        assertEquals("Zeek TSV record has 2 columns; #fields declares 8", e.getMessage());
    }

    @Test
    void wronglyTypedValueNamesTheField() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("1.0\tx\t-\tF\t-\t-\t-\t-"));
        assertEquals("Zeek field 'id.orig_p' is port but holds 'x'", e.getMessage());
    }

    @Test
    void recordWithoutHeadersIsRejected() {
        assertThrows(RecordParseException.class, () -> new ZeekTsvParser().parse("1.0\tx", CONTEXT));
    }
}
