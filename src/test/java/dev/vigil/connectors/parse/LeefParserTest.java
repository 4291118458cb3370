package dev.vigil.connectors.parse;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeefParserTest {

    private static final ParseContext CONTEXT = ParseContext.utc(Instant.parse("2024-09-19T08:30:00Z"));

    private final LeefParser parser = new LeefParser();

    private Map<String, Object> parse(String line) throws RecordParseException {
        return parser.parse(line, CONTEXT);
    }

    @Test
    void leef1HeaderAndTabSeparatedAttributesAreRead() throws Exception {
        Map<String, Object> f = parse("LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=192.0.2.0\tdst=172.50.123.1\tsev=5"
                + "\tcat=anomaly\tsrcPort=81\tdstPort=21\tusrName=joe.black");
        assertEquals("1.0", f.get("leef.version"));
        assertEquals("Microsoft", f.get("leef.vendor"));
        assertEquals("MSExchange", f.get("leef.product"));
        assertEquals("4.0 SP1", f.get("leef.product_version"));
        assertEquals("15345", f.get("leef.event_id"));
        assertEquals("192.0.2.0", f.get("src"));
        assertEquals("joe.black", f.get("usrName"));
    }

    @Test
    void leef2UsesTheDeclaredDelimiter() throws Exception {
        Map<String, Object> f = parse("LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^dst=10.0.0.5^sev=5^srcPort=81^dstPort=21");
        assertEquals("2.0", f.get("leef.version"));
        assertEquals("41", f.get("leef.event_id"));
        assertEquals("10.0.0.5", f.get("dst"));
        assertEquals("21", f.get("dstPort"));
    }

    @Test
    void leef2DelimiterMayBeAHexCode() throws Exception {
        Map<String, Object> f = parse("LEEF:2.0|Lancope|StealthWatch|1.0|41|x5E|src=10.0.1.8^dst=10.0.0.5");
        assertEquals("10.0.1.8", f.get("src"));
        assertEquals("10.0.0.5", f.get("dst"));
    }

    @Test
    void attributeValuesKeepTheirSpaces() throws Exception {
        Map<String, Object> f = parse("LEEF:1.0|V|P|1|E|msg=user logged in\tusrName=a b");
        assertEquals("user logged in", f.get("msg"));
        assertEquals("a b", f.get("usrName"));
    }

    @Test
    void leef1WithSpacesInsteadOfTabsIsReadLikeACefExtension() throws Exception {
        Map<String, Object> f = parse("LEEF:1.0|V|P|1|E|src=192.0.2.1 dst=192.0.2.2 msg=two words");
        assertEquals("192.0.2.1", f.get("src"));
        assertEquals("two words", f.get("msg"));
    }

    @Test
    void syslogHeaderBeforeLeefIsRead() throws Exception {
        Map<String, Object> f = parse("<13>Sep 19 08:26:10 qradar01 LEEF:1.0|V|P|1|E|src=192.0.2.1");
        assertEquals("qradar01", f.get("syslog.hostname"));
        assertEquals("192.0.2.1", f.get("src"));
    }

    @Test
    void attributeWithoutEqualsIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("LEEF:1.0|V|P|1|E|src=1\tgarbage"));
        assertTrue(e.getMessage().contains("garbage"), e.getMessage());
    }

    @Test
    void invalidDelimiterIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("LEEF:2.0|V|P|1|E|ab|src=1"));
        assertTrue(e.getMessage().contains("delimiter 'ab'"), e.getMessage());
    }

    @Test
    void recordWithoutLeefMarkerIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("CEF:0|a|b|c|d|e|1|"));
        assertTrue(e.getMessage().contains("not a LEEF record"), e.getMessage());
    }
}
