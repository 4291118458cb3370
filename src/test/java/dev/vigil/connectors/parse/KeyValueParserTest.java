package dev.vigil.connectors.parse;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyValueParserTest {

    private static final ParseContext CONTEXT = ParseContext.utc(Instant.parse("2024-01-01T00:00:00Z"));

    @Test
    void unquotedDoubleQuotedAndSingleQuotedValuesAreRead() throws Exception {
        Map<String, Object> f = new KeyValueParser().parse("k=v k2=\"quoted value\" k3='x'", CONTEXT);
        assertEquals(Map.of("k", "v", "k2", "quoted value", "k3", "x"), f);
    }

    @Test
    void backslashInsideQuotesEscapesTheNextCharacter() throws Exception {
        Map<String, Object> f = new KeyValueParser().parse("msg=\"she said \\\"no\\\"\" path=\"C:\\\\temp\"", CONTEXT);
        assertEquals("she said \"no\"", f.get("msg"));
        assertEquals("C:\\temp", f.get("path"));
    }

    @Test
    void quotedValueMayContainThePairSeparator() throws Exception {
        Map<String, Object> f = new KeyValueParser(",", "=", "").parse("a=\"1,2\",b=3", CONTEXT);
        assertEquals("1,2", f.get("a"));
        assertEquals("3", f.get("b"));
    }

    @Test
    void customSeparatorsTrimKeysAndValues() throws Exception {
        Map<String, Object> f = new KeyValueParser(";", "=", "")
                .parse("TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx", CONTEXT);
        assertEquals("pts/0", f.get("TTY"));
        assertEquals("/home/alice", f.get("PWD"));
        assertEquals("/usr/bin/systemctl restart nginx", f.get("COMMAND"));
    }

    @Test
    void colonKeyValueSeparatorIsHonoured() throws Exception {
        Map<String, Object> f = new KeyValueParser(",", ":", "").parse("user:alice, role:admin", CONTEXT);
        assertEquals(Map.of("user", "alice", "role", "admin"), f);
    }

    @Test
    void keyPrefixIsPrepended() throws Exception {
        Map<String, Object> f = new KeyValueParser(null, "=", "kv.").parse("a=1", CONTEXT);
        assertEquals(Map.of("kv.a", "1"), f);
    }

    @Test
    void valueMayContainTheKeyValueSeparator() throws Exception {
        assertEquals("a=b", new KeyValueParser().parse("x=a=b", CONTEXT).get("x"));
    }

    @Test
    void emptyValueIsKept() throws Exception {
        Map<String, Object> f = new KeyValueParser().parse("IN=eth0 OUT= SRC=192.0.2.1", CONTEXT);
        assertEquals("", f.get("OUT"));
        assertEquals("192.0.2.1", f.get("SRC"));
    }

    @Test
    void wordsWithoutSeparatorBetweenPairsAreIgnored() throws Exception {
        Map<String, Object> f = new KeyValueParser().parse("[UFW BLOCK] IN=eth0 SRC=192.0.2.1 DF PROTO=TCP", CONTEXT);
        assertEquals(Map.of("IN", "eth0", "SRC", "192.0.2.1", "PROTO", "TCP"), f);
        assertFalse(f.containsKey("DF"));
    }

    @Test
    void repeatedKeyBecomesAList() throws Exception {
        assertEquals(List.of("1", "2"), new KeyValueParser().parse("a=1 a=2", CONTEXT).get("a"));
    }

    @Test
    void unclosedQuoteIsRejectedNamingTheKey() {
        RecordParseException e = assertThrows(RecordParseException.class,
                () -> new KeyValueParser().parse("a=1 b=\"never closed", CONTEXT));
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    }

    @Test
    void textWithoutPairsIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class,
                () -> new KeyValueParser().parse("just some words", CONTEXT));
        assertTrue(e.getMessage().contains("no key=value pairs"), e.getMessage());
    }

    @Test
    void identicalSeparatorsAreRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new KeyValueParser("=", "=", ""));
    }
}
