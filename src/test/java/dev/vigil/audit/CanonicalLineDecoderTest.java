package dev.vigil.audit;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast decoder reads exactly what the general parser reads from canonical lines, and nothing else. */
class CanonicalLineDecoderTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a \"quoted\" word", "back\\slash", "tab\tand\nnewline\u0001", "ünïcödé and 🛡",
            "", "ends with backslash \\", "{\"json\":[1,2]}"})
    void aCanonicalLineDecodesToTheEntryTheGeneralParserReads(String awkward) {
        AuditEntry entry = new AuditEntry(42, Instant.parse("2026-11-23T10:15:30.123456Z"), "alice " + awkward, "analyst",
                TenantId.of("customer"), "alert.close", awkward, "2026-1", "", "ab".repeat(32), "cd".repeat(32), "ef".repeat(32));
        String line = AuditCanonicalForm.line(entry);

        assertEquals(Optional.of(entry), CanonicalLineDecoder.decode(line));
        assertEquals(AuditLines.parseGeneral(line), CanonicalLineDecoder.decode(line).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:15:30Z", "2026-11-23T10:15:30.1Z", "2026-11-23T10:15:30.123Z",
            "2026-11-23T10:15:30.123456Z", "2026-11-23T10:15:30.123456789Z", "2024-02-29T00:00:00Z", "1970-01-01T00:00:00Z",
            "2026-12-31T23:59:59.999999999Z"})
    void timesDecodeToTheInstantTheGeneralParserReads(String time) {
        assertEquals(Instant.parse(time), CanonicalLineDecoder.instant(time));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"seq\": 1,\"time\":\"2026-11-23T10:00:00Z\",\"actor\":\"a\",\"role\":\"r\",\"tenant\":\"customer\",\"action\":\"x\",\"object\":\"o\",\"policy\":\"p\",\"before\":\"\",\"after\":\"\",\"prev\":\"0\",\"hash\":\"h\"}",
            "{\"time\":\"2026-11-23T10:00:00Z\",\"seq\":1,\"actor\":\"a\",\"role\":\"r\",\"tenant\":\"customer\",\"action\":\"x\",\"object\":\"o\",\"policy\":\"p\",\"before\":\"\",\"after\":\"\",\"prev\":\"0\",\"hash\":\"h\"}",
            "{\"seq\":01,\"time\":\"2026-11-23T10:00:00Z\",\"actor\":\"a\",\"role\":\"r\",\"tenant\":\"customer\",\"action\":\"x\",\"object\":\"o\",\"policy\":\"p\",\"before\":\"\",\"after\":\"\",\"prev\":\"0\",\"hash\":\"h\"}",
            "{\"seq\":1,\"time\":\"2026-11-23T10:00:00Z\",\"actor\":\"a\\/b\",\"role\":\"r\",\"tenant\":\"customer\",\"action\":\"x\",\"object\":\"o\",\"policy\":\"p\",\"before\":\"\",\"after\":\"\",\"prev\":\"0\",\"hash\":\"h\"}",
            "{\"seq\":1,\"time\":\"2026-11-23T10:00:00Z\",\"actor\":\"\\u0041\",\"role\":\"r\",\"tenant\":\"customer\",\"action\":\"x\",\"object\":\"o\",\"policy\":\"p\",\"before\":\"\",\"after\":\"\",\"prev\":\"0\",\"hash\":\"h\"}",
            "{\"seq\":1,\"time\":\"2026-11-23T10:00:00Z\",\"actor\":\"\\u001F\",\"role\":\"r\",\"tenant\":\"customer\",\"action\":\"x\",\"object\":\"o\",\"policy\":\"p\",\"before\":\"\",\"after\":\"\",\"prev\":\"0\",\"hash\":\"h\"}",
            "{\"seq\":1,\"time\":\"2026-11-23T10:00:00Z\",\"actor\":\"a\",\"role\":\"r\",\"tenant\":\"customer\",\"action\":\"x\",\"object\":\"o\",\"policy\":\"p\",\"before\":\"\",\"after\":\"\",\"prev\":\"0\",\"hash\":\"h\"} ",
            "{\"seq\":1,\"time\":\"2026-11-23T10:00:00Z\",\"actor\":\"a\",\"role\":\"r\",\"tenant\":\"customer\",\"action\":\"x\",\"object\":\"o\",\"policy\":\"p\",\"before\":\"\",\"after\":\"\",\"prev\":\"0\",\"hash\":\"h\",\"extra\":\"\"}",
            "{\"seq\":1,\"time\":\"not a time\",\"actor\":\"a\",\"role\":\"r\",\"tenant\":\"customer\",\"action\":\"x\",\"object\":\"o\",\"policy\":\"p\",\"before\":\"\",\"after\":\"\",\"prev\":\"0\",\"hash\":\"h\"}",
            "{\"seq\":1,\"time\":\"2026-11-23T10:00:00Z\",\"actor\":\"a\",\"role\":\"r\",\"tenant\":\"customer\",\"action\":\"x\",\"object\":\"o\",\"policy\":\"p\",\"before\":\"\",\"after\":\"\",\"prev\":\"0\",\"hash\":\"h",
            "not json at all"})
    void anythingNotInCanonicalFormIsLeftToTheGeneralParser(String line) {
        assertTrue(CanonicalLineDecoder.decode(line).isEmpty(), line);
    }
}
