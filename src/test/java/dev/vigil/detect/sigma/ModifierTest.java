package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.vigil.detect.sigma.RuleFixture.entry;
import static dev.vigil.detect.sigma.RuleFixture.fires;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every value modifier of the Sigma modifiers appendix (v2.1), with expected values from the specification and, for
 * the encodings, from pySigma's published tests.
 */
class ModifierTest {

    private static Map<String, Object> field(String name, Object value) {
        return Map.of(name, value);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void containsMatchesAnywhereInTheValue() {
        assertTrue(fires(entry("CommandLine|contains", "'mimikatz'"), field("CommandLine", "run Mimikatz.exe now")));
        assertFalse(fires(entry("CommandLine|contains", "'mimikatz'"), field("CommandLine", "mimi katz")));
    }

    @Test
    void startswithAndEndswithAnchorTheValue() {
        assertTrue(fires(entry("Image|startswith", "'C:\\Windows\\'"), field("Image", "C:\\Windows\\System32\\cmd.exe")));
        assertFalse(fires(entry("Image|startswith", "'C:\\Windows\\'"), field("Image", "D:\\C:\\Windows\\x")));
        assertTrue(fires(entry("Image|endswith", "'\\cmd.exe'"), field("Image", "C:\\Windows\\System32\\cmd.exe")));
        assertFalse(fires(entry("Image|endswith", "'\\cmd.exe'"), field("Image", "C:\\cmd.exe.bak")));
    }

    @Test
    void valuesAreOrEdUnlessAllMakesThemAnded() {
        assertTrue(fires(entry("CommandLine|contains", "['-enc', '-nop']"), field("CommandLine", "powershell -nop")));
        assertFalse(fires(entry("CommandLine|contains|all", "['-enc', '-nop']"), field("CommandLine", "powershell -nop")));
        assertTrue(fires(entry("CommandLine|contains|all", "['-enc', '-nop']"), field("CommandLine", "powershell -nop -enc AA")));
    }

    @Test
    void matchingIsCaseInsensitiveUnlessCased() {
        assertTrue(fires(entry("Image|endswith", "'\\CMD.EXE'"), field("Image", "c:\\windows\\cmd.exe")));
        assertFalse(fires(entry("Image|endswith|cased", "'\\CMD.EXE'"), field("Image", "c:\\windows\\cmd.exe")));
        assertTrue(fires(entry("Image|endswith|cased", "'\\CMD.EXE'"), field("Image", "c:\\windows\\CMD.EXE")));
    }

    @Test
    void regularExpressionsAreCaseSensitiveAndSearchedAnywhere() {
        assertTrue(fires(entry("CommandLine|re", "'-e(nc|ncodedcommand) [A-Za-z0-9+/=]{8,}'"), field("CommandLine", "powershell -enc SQBFAFgAIAA=")));
        assertFalse(fires(entry("CommandLine|re", "'POWERSHELL'"), field("CommandLine", "powershell -enc AAAA")));
    }

    @Test
    void regularExpressionFlagIMakesItCaseInsensitive() {
        assertTrue(fires(entry("CommandLine|re|i", "'POWERSHELL'"), field("CommandLine", "powershell -enc AAAA")));
    }

    @Test
    void regularExpressionFlagMAnchorsAtEachLine() {
        String value = "first line\nsecond line";
        assertFalse(fires(entry("Message|re", "'^second'"), field("Message", value)));
        assertTrue(fires(entry("Message|re|m", "'^second'"), field("Message", value)));
    }

    @Test
    void regularExpressionFlagSLetsTheDotMatchNewlines() {
        String value = "begin\nend";
        assertFalse(fires(entry("Message|re", "'begin.end'"), field("Message", value)));
        assertTrue(fires(entry("Message|re|s", "'begin.end'"), field("Message", value)));
    }

    @Test
    void base64EncodesTheValue() {
        assertTrue(fires(entry("Payload|base64", "'foobar'"), field("Payload", "Zm9vYmFy")));
    }

    @Test
    void base64offsetYieldsTheThreeShiftedEncodingsOfPySigma() {
        for (String expected : List.of("Zm9vYmFy", "Zvb2Jhc", "mb29iYX")) {
            assertTrue(fires(entry("Payload|base64offset|contains", "'foobar'"), field("Payload", "xx" + expected + "yy")), expected);
        }
        assertFalse(fires(entry("Payload|base64offset|contains", "'foobar'"), field("Payload", "Zm9vYmF")));
    }

    @Test
    void base64offsetFindsTheValueWhereverItSitsInAnEncodedString() {
        for (String prefix : List.of("", "a", "ab", "abc")) {
            String encoded = b64((prefix + "Invoke-Mimikatz -DumpCreds").getBytes(StandardCharsets.UTF_8));
            assertTrue(fires(entry("Payload|base64offset|contains", "'Invoke-Mimikatz'"), field("Payload", encoded)), prefix);
        }
    }

    @Test
    void utf16leAndWideEncodeBeforeBase64() {
        String encoded = b64("powershell IEX (New-Object Net.WebClient)".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(fires(entry("CommandLine|utf16le|base64offset|contains", "'IEX'"), field("CommandLine", encoded)));
        assertTrue(fires(entry("CommandLine|wide|base64offset|contains", "'IEX'"), field("CommandLine", encoded)));
    }

    @Test
    void utf16beAndUtf16WithByteOrderMarkEncodeAsSpecified() {
        assertTrue(fires(entry("Payload|utf16be|base64", "'cmd'"), field("Payload", "AGMAbQBk")));
        assertTrue(fires(entry("Payload|utf16|base64", "'cmd'"), field("Payload", "//5jAG0AZAA=")));
    }

    @Test
    void windashMatchesAllFiveDashCharacters() {
        for (String dash : List.of("-", "/", "\u2013", "\u2014", "\u2015")) {
            assertTrue(fires(entry("CommandLine|windash|contains", "' -decode '"), field("CommandLine", "certutil " + dash + "decode a b")), dash);
        }
        assertFalse(fires(entry("CommandLine|windash|contains", "' -decode '"), field("CommandLine", "certutil +decode a b")));
    }

    @Test
    void windashLeavesDashesInsideWordsAlone() {
        assertFalse(fires(entry("CommandLine|windash", "'a-b'"), field("CommandLine", "a/b")));
    }

    @Test
    void cidrMatchesAddressesInTheNetworkForIpv4AndIpv6() {
        assertTrue(fires(entry("DestinationIp|cidr", "'10.0.0.0/8'"), field("DestinationIp", "10.20.30.40")));
        assertFalse(fires(entry("DestinationIp|cidr", "'10.0.0.0/8'"), field("DestinationIp", "11.0.0.1")));
        assertTrue(fires(entry("DestinationIp|cidr", "'fe80::/10'"), field("DestinationIp", "fe80::1")));
        assertFalse(fires(entry("DestinationIp|cidr", "'fe80::/10'"), field("DestinationIp", "2001:db8::1")));
        assertFalse(fires(entry("DestinationIp|cidr", "'10.0.0.0/8'"), field("DestinationIp", "not-an-ip")));
    }

    @Test
    void existsTestsPresenceOnly() {
        assertTrue(fires(entry("ParentImage|exists", "true"), field("ParentImage", "")));
        assertFalse(fires(entry("ParentImage|exists", "true"), field("Image", "x")));
        assertTrue(fires(entry("ParentImage|exists", "false"), field("Image", "x")));
    }

    @Test
    void numericComparisonsReadTheValueAsANumber() {
        assertTrue(fires(entry("Size|gt", "100"), field("Size", 101L)));
        assertFalse(fires(entry("Size|gt", "100"), field("Size", 100L)));
        assertTrue(fires(entry("Size|gte", "100"), field("Size", "100")));
        assertTrue(fires(entry("Size|lt", "100"), field("Size", 99L)));
        assertTrue(fires(entry("Size|lte", "100"), field("Size", 100.0)));
        assertFalse(fires(entry("Size|lt", "100"), field("Size", "many")));
    }

    @Test
    void neqMatchesWhenTheFieldDiffersFromEveryValue() {
        assertTrue(fires(entry("User|neq", "['SYSTEM', 'LOCAL SERVICE']"), field("User", "alice")));
        assertFalse(fires(entry("User|neq", "['SYSTEM', 'LOCAL SERVICE']"), field("User", "system")));
    }

    @Test
    void fieldrefComparesWithAnotherFieldOfTheSameEvent() {
        assertTrue(fires(entry("TargetUserName|fieldref", "SubjectUserName"), Map.of("TargetUserName", "Bob", "SubjectUserName", "bob")));
        assertFalse(fires(entry("TargetUserName|fieldref", "SubjectUserName"), Map.of("TargetUserName", "bob", "SubjectUserName", "eve")));
        assertTrue(fires(entry("Image|fieldref|endswith", "OriginalFileName"),
                Map.of("Image", "C:\\x\\evil.exe", "OriginalFileName", "evil.exe")));
    }

    @Test
    void timeModifiersExtractAPartOfTheDate() {
        assertTrue(fires(entry("UtcTime|hour", "3"), field("UtcTime", "2026-03-01 03:15:00.123")));
        assertFalse(fires(entry("UtcTime|hour", "3"), field("UtcTime", "2026-03-01 04:15:00.123")));
        assertTrue(fires(entry("UtcTime|hour|gte", "22"), field("UtcTime", "2026-03-01T23:15:00Z")));
        assertTrue(fires(entry("UtcTime|month", "3"), field("UtcTime", "2026-03-01T23:15:00Z")));
        assertTrue(fires(entry("UtcTime|year", "2026"), field("UtcTime", "2026-03-01T23:15:00Z")));
        assertTrue(fires(entry("UtcTime|day", "1"), field("UtcTime", "2026-03-01T23:15:00Z")));
        assertTrue(fires(entry("UtcTime|minute", "15"), field("UtcTime", "2026-03-01T23:15:00Z")));
        assertTrue(fires(entry("UtcTime|week", "9"), field("UtcTime", "2026-03-01T23:15:00Z")));
    }

    @Test
    void expandReplacesDefinedPlaceholders() {
        EngineOptions options = new EngineOptions(new Placeholders(Map.of("Administrators", List.of("adm_*", "root"))), java.util.Set.of());
        SigmaEngine engine = RuleFixture.compile(entry("User|expand", "'%Administrators%'"), options);
        assertEquals(1, engine.evaluate(RuleFixture.event(field("User", "adm_alice"))).size());
        assertEquals(1, engine.evaluate(RuleFixture.event(field("User", "root"))).size());
        assertEquals(0, engine.evaluate(RuleFixture.event(field("User", "alice"))).size());
    }

    @Test
    void expandWithAnUndefinedPlaceholderIsUnsupportedNamingIt() {
        RuleStatus status = RuleFixture.refused(entry("User|expand", "'%Administrators%'"));
        assertEquals(RuleStatus.State.UNSUPPORTED, status.state());
        assertTrue(status.reason().contains("placeholder %Administrators% has no value"), status.reason());
    }

    @Test
    void withoutExpandAPercentValueIsLiteral() {
        assertTrue(fires(entry("User", "'%Administrators%'"), field("User", "%administrators%")));
    }
}
