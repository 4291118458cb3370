package dev.vigil.connectors.parse;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CefParserTest {

    private static final ParseContext CONTEXT = ParseContext.utc(Instant.parse("2024-09-19T08:30:00Z"));

    private final CefParser parser = new CefParser();

    private Map<String, Object> parse(String line) throws RecordParseException {
        return parser.parse(line, CONTEXT);
    }

    // ---- examples from the ArcSight CEF implementation standard ----

    @Test
    void headerFieldsAreNamed() throws Exception {
        Map<String, Object> f = parse("CEF:0|security|threatmanager|1.0|100|worm successfully stopped|10|src=10.0.0.1 dst=2.1.2.2 spt=1232");
        assertEquals(0L, f.get("cef.version"));
        assertEquals("security", f.get("cef.device_vendor"));
        assertEquals("threatmanager", f.get("cef.device_product"));
        assertEquals("1.0", f.get("cef.device_version"));
        assertEquals("100", f.get("cef.signature_id"));
        assertEquals("worm successfully stopped", f.get("cef.name"));
        assertEquals("10", f.get("cef.severity"));
    }

    @Test
    void extensionKeysAreKeptAsIs() throws Exception {
        Map<String, Object> f = parse("CEF:0|security|threatmanager|1.0|100|worm successfully stopped|10|src=10.0.0.1 dst=2.1.2.2 spt=1232");
        assertEquals("10.0.0.1", f.get("src"));
        assertEquals("2.1.2.2", f.get("dst"));
        assertEquals("1232", f.get("spt"));
    }

    @Test
    void syslogHeaderBeforeCefIsRead() throws Exception {
        Map<String, Object> f = parse("Sep 19 08:26:10 host CEF:0|security|threatmanager|1.0|100|worm successfully stopped|10|src=10.0.0.1");
        assertEquals("2024-09-19T08:26:10Z", f.get("syslog.timestamp"));
        assertEquals("host", f.get("syslog.hostname"));
        assertEquals("security", f.get("cef.device_vendor"));
        assertFalse(f.containsKey("message"));
    }

    @Test
    void escapedPipeInHeaderIsALiteralPipeAndExtensionPipeNeedsNoEscape() throws Exception {
        Map<String, Object> f = parse("CEF:0|security|threatmanager|1.0|100|detected a \\| in message|10|src=10.0.0.1 act=blocked a | dst=1.1.1.1");
        assertEquals("detected a | in message", f.get("cef.name"));
        assertEquals("blocked a |", f.get("act"));
        assertEquals("1.1.1.1", f.get("dst"));
    }

    @Test
    void escapedBackslashInHeaderAndExtensionIsOneBackslash() throws Exception {
        Map<String, Object> f = parse("CEF:0|security|threatmanager|1.0|100|detected a \\\\ in packet|10|src=10.0.0.1 act=blocked a \\\\ dst=1.1.1.1");
        assertEquals("detected a \\ in packet", f.get("cef.name"));
        assertEquals("blocked a \\", f.get("act"));
    }

    @Test
    void escapedEqualsInExtensionStaysInTheValue() throws Exception {
        Map<String, Object> f = parse("CEF:0|security|threatmanager|1.0|100|detected a = in message|10|src=10.0.0.1 act=blocked a \\= dst=1.1.1.1");
        assertEquals("detected a = in message", f.get("cef.name"));
        assertEquals("blocked a =", f.get("act"));
        assertEquals("1.1.1.1", f.get("dst"));
    }

    @Test
    void escapedLineBreaksInExtensionBecomeLineBreaks() throws Exception {
        Map<String, Object> f = parse("CEF:0|security|threatmanager|1.0|100|x|10|msg=Detected a threat.\\n No action needed.\\r");
        assertEquals("Detected a threat.\n No action needed.\r", f.get("msg"));
    }

    @Test
    void valueWithSpacesRunsToTheNextKey() throws Exception {
        Map<String, Object> f = parse("CEF:0|Trend Micro|Deep Security Agent|10.0|4000000|Eicar_test_file|6|"
                + "cn1=1 cn1Label=Host ID fname=My Documents/eicar test.com suser=NT AUTHORITY\\\\SYSTEM");
        assertEquals("Host ID", f.get("cn1Label"));
        assertEquals("My Documents/eicar test.com", f.get("fname"));
        assertEquals("NT AUTHORITY\\SYSTEM", f.get("suser"));
    }

    @Test
    void unescapedEqualsInsideAUrlStaysInTheValue() throws Exception {
        Map<String, Object> f = parse("CEF:0|v|p|1|2|n|3|request=http://example.com/a?b=1&c=2 requestMethod=GET");
        assertEquals("http://example.com/a?b=1&c=2", f.get("request"));
        assertEquals("GET", f.get("requestMethod"));
    }

    @Test
    void emptyValueIsKeptEmpty() throws Exception {
        Map<String, Object> f = parse("CEF:0|v|p|1|2|n|3|suser= duser=bob");
        assertEquals("", f.get("suser"));
        assertEquals("bob", f.get("duser"));
    }

    @Test
    void repeatedKeyBecomesAList() throws Exception {
        assertEquals(List.of("a", "b"), parse("CEF:0|v|p|1|2|n|3|cat=a cat=b").get("cat"));
    }

    @Test
    void namedSeverityIsKeptAsWritten() throws Exception {
        assertEquals("Very-High", parse("CEF:1|v|p|1|2|n|Very-High|").get("cef.severity"));
    }

    @Test
    void headerWithoutExtensionIsAccepted() throws Exception {
        Map<String, Object> f = parse("CEF:0|v|p|1|2|n|3");
        assertEquals("3", f.get("cef.severity"));
    }

    @Test
    void rfc5424HeaderBeforeCefIsRead() throws Exception {
        Map<String, Object> f = parse("<134>1 2024-09-19T08:26:10.5Z fw01 CEF - - - CEF:0|v|p|1|2|n|3|src=192.0.2.1");
        assertEquals("fw01", f.get("syslog.hostname"));
        assertEquals(134L, f.get("syslog.priority"));
        assertEquals("192.0.2.1", f.get("src"));
    }

    @Test
    void recordWithoutCefMarkerIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("Sep 19 08:26:10 host hello"));
        assertTrue(e.getMessage().contains("not a CEF record"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsRejectedSayingHowManyFieldsWereFound() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("CEF:0|security|threatmanager|1.0"));
        assertTrue(e.getMessage().contains("4 of 7"), e.getMessage());
    }

    @Test
    void proseBeforeTheFirstExtensionKeyIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("CEF:0|v|p|1|2|n|3|oops src=1.2.3.4"));
        assertTrue(e.getMessage().contains("oops"), e.getMessage());
    }
}
