package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.vigil.detect.sigma.SigmaFixture.enabled;
import static dev.vigil.detect.sigma.SigmaFixture.event;
import static dev.vigil.detect.sigma.SigmaFixture.fires;
import static dev.vigil.detect.sigma.SigmaFixture.selection;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every value modifier of the Sigma modifiers appendix (v2.1), with expected values from the appendix and from
 * pySigma's tests/test_modifiers.py.
 */
class ModifierTest {

    private static boolean fieldMatches(String modifiers, String ruleValue, Object eventValue) {
        return fires(selection("Field" + modifiers + ": " + ruleValue), Map.of("Field", eventValue));
    }

    @Test
    void containsMatchesTheValueAnywhereInTheField() {
        assertTrue(fieldMatches("|contains", "'mimi'", "run mimikatz now"));
        assertFalse(fieldMatches("|contains", "'mimi'", "run mi mi katz"));
    }

    @Test
    void startswithMatchesOnlyAtTheBeginning() {
        assertTrue(fieldMatches("|startswith", "'adm_'", "adm_alice"));
        assertFalse(fieldMatches("|startswith", "'adm_'", "x_adm_alice"));
    }

    @Test
    void endswithMatchesOnlyAtTheEnd() {
        assertTrue(fieldMatches("|endswith", "'\\cmd.exe'", "C:\\Windows\\System32\\cmd.exe"));
        assertFalse(fieldMatches("|endswith", "'\\cmd.exe'", "C:\\Windows\\System32\\cmd.exe.bak"));
    }

    @Test
    void withoutModifiersTheWholeValueMustMatch() {
        assertTrue(fieldMatches("", "'cmd.exe'", "cmd.exe"));
        assertFalse(fieldMatches("", "'cmd.exe'", "xcmd.exe"));
    }

    @Test
    void allRequiresEveryValueOfTheListInsteadOfAny() {
        String detection = """
                selection:
                    CommandLine|contains|all:
                        - ' -enc '
                        - ' -nop '
                condition: selection""";
        assertTrue(fires(detection, Map.of("CommandLine", "powershell -nop -w hidden -enc AAA")));
        assertFalse(fires(detection, Map.of("CommandLine", "powershell -w hidden -enc AAA")));
    }

    @Test
    void allWithAnExpandingModifierRequiresEachValueInAnyOfItsForms() {
        String detection = """
                selection:
                    CommandLine|windash|contains|all:
                        - '-a'
                        - '-b'
                condition: selection""";
        assertTrue(fires(detection, Map.of("CommandLine", "tool /a -b")));
        assertFalse(fires(detection, Map.of("CommandLine", "tool /a -c")));
    }

    @Test
    void matchingIsCaseInsensitiveByDefault() {
        assertTrue(fieldMatches("", "'PowerShell.EXE'", "powershell.exe"));
        assertTrue(fieldMatches("|contains", "'MIMIKATZ'", "Invoke-Mimikatz"));
    }

    @Test
    void casedMatchesCaseSensitively() {
        assertTrue(fieldMatches("|cased", "'PowerShell'", "PowerShell"));
        assertFalse(fieldMatches("|cased", "'PowerShell'", "powershell"));
        assertFalse(fieldMatches("|contains|cased", "'Mimi'", "invoke-mimikatz"));
    }

    @Test
    void existsTrueRequiresTheFieldToBePresentWhateverItsValue() {
        String detection = selection("PasswordLastSet|exists: true");
        assertTrue(fires(detection, Map.of("PasswordLastSet", "")));
        assertFalse(fires(detection, Map.of("Other", "x")));
    }

    @Test
    void existsFalseRequiresTheFieldToBeAbsent() {
        String detection = selection("PasswordLastSet|exists: false");
        assertTrue(fires(detection, Map.of("Other", "x")));
        assertFalse(fires(detection, Map.of("PasswordLastSet", "")));
    }

    @Test
    void existsCountsAFieldWhoseValueIsNullAsPresent() {
        java.util.HashMap<String, Object> fields = new java.util.HashMap<>();
        fields.put("PasswordLastSet", null);
        assertTrue(fires(selection("PasswordLastSet|exists: true"), fields));
    }

    @Test
    void neqMatchesAFieldWithADifferentValue() {
        assertTrue(fieldMatches("|neq", "'svchost.exe'", "evil.exe"));
        assertFalse(fieldMatches("|neq", "'svchost.exe'", "SVCHOST.EXE"));
    }

    @ParameterizedTest(name = "windash of -foo matches {0}")
    @ValueSource(strings = {"-foo", "/foo", "\u2013foo", "\u2014foo", "\u2015foo"})
    void windashExpandsADashIntoAllFiveDashCharacters(String commandLine) {
        assertTrue(fieldMatches("|windash", "'-foo'", commandLine));
    }

    @Test
    void windashExpandsASlashToo() {
        assertTrue(fieldMatches("|windash", "'/foo'", "-foo"));
    }

    /** The appendix makes all five characters interchangeable; pySigma expands only '-' and '/' written in the rule. */
    @Test
    void windashTreatsADashWrittenAsAnyOfTheFiveCharactersAlike() {
        assertTrue(fieldMatches("|windash", "'\u2013foo'", "-foo"));
        assertTrue(fieldMatches("|windash", "'\u2015foo'", "/foo"));
    }

    @Test
    void windashPermutesEveryFlagIndependently() {
        assertTrue(fieldMatches("|windash", "'-foo -bar'", "\u2014foo /bar"));
        assertFalse(fieldMatches("|windash", "'-foo -bar'", "+foo /bar"));
    }

    @Test
    void reSearchesTheExpressionAnywhereInTheValue() {
        assertTrue(fieldMatches("|re", "'ab+c'", "xxabbbcxx"));
        assertFalse(fieldMatches("|re", "'ab+c'", "xxacxx"));
    }

    @Test
    void reIsCaseSensitiveByDefault() {
        assertFalse(fieldMatches("|re", "'^Mimikatz$'", "mimikatz"));
    }

    @Test
    void reWithIIsCaseInsensitive() {
        assertTrue(fieldMatches("|re|i", "'^Mimikatz$'", "mimikatz"));
    }

    @Test
    void reWithMLetsAnchorsMatchAtLineBreaks() {
        assertTrue(fieldMatches("|re|m", "'^second$'", "first\nsecond\nthird"));
        assertFalse(fieldMatches("|re", "'^second$'", "first\nsecond\nthird"));
    }

    @Test
    void reWithSLetsTheDotMatchANewline() {
        assertTrue(fieldMatches("|re|s", "'first.second'", "first\nsecond"));
        assertFalse(fieldMatches("|re", "'first.second'", "first\nsecond"));
    }

    @Test
    void base64OfFoobarIsZm9vYmFy() {
        assertTrue(fieldMatches("|base64", "'foobar'", "Zm9vYmFy"));
        assertFalse(fieldMatches("|base64", "'foobar'", "foobar"));
    }

    @ParameterizedTest(name = "base64offset of foobar yields {0}")
    @ValueSource(strings = {"Zm9vYmFy", "Zvb2Jhc", "mb29iYX"})
    void base64offsetOfFoobarYieldsItsThreeShiftedEncodings(String encoded) {
        assertTrue(fieldMatches("|base64offset", "'foobar'", encoded));
    }

    @Test
    void base64offsetYieldsNothingBeyondItsThreeEncodings() {
        assertFalse(fieldMatches("|base64offset", "'foobar'", "Zm9vYmF"));
        assertFalse(fieldMatches("|base64offset", "'foobar'", "foobar"));
    }

    @ParameterizedTest(name = "base64 of \"{0}\" contains a base64offset variant of foobar")
    @ValueSource(strings = {"foobar", "xfoobar", "xyfoobar", "0123foobar4567"})
    void base64offsetContainsFindsTheValueAtAnyPositionOfAnEncodedText(String plain) {
        String encoded = java.util.Base64.getEncoder().encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(fieldMatches("|base64offset|contains", "'foobar'", encoded));
    }

    @ParameterizedTest(name = "{0} of foobar")
    @CsvSource({"utf16le", "wide"})
    void utf16leAndWideEncodeLittleEndian(String modifier) {
        assertTrue(fieldMatches("|" + modifier, "'foobar'", "f\0o\0o\0b\0a\0r\0"));
        assertFalse(fieldMatches("|" + modifier, "'foobar'", "foobar"));
    }

    @Test
    void utf16beEncodesBigEndian() {
        assertTrue(fieldMatches("|utf16be", "'foobar'", "\0f\0o\0o\0b\0a\0r"));
    }

    @Test
    void utf16PrependsTheByteOrderMarkFfFe() {
        assertTrue(fieldMatches("|utf16", "'foobar'", "\u00FF\u00FEf\0o\0o\0b\0a\0r\0"));
        assertFalse(fieldMatches("|utf16", "'foobar'", "f\0o\0o\0b\0a\0r\0"));
    }

    @Test
    void wideThenBase64EncodesTheUtf16Bytes() {
        assertTrue(fieldMatches("|wide|base64", "'foobar'", "ZgBvAG8AYgBhAHIA"));
    }

    @ParameterizedTest(name = "wide|base64offset of foobar yields {0}")
    @ValueSource(strings = {"ZgBvAG8AYgBhAHIA", "YAbwBvAGIAYQByA", "mAG8AbwBiAGEAcg"})
    void wideThenBase64offsetYieldsTheShiftedEncodingsOfTheUtf16Bytes(String encoded) {
        assertTrue(fieldMatches("|wide|base64offset", "'foobar'", encoded));
    }

    @ParameterizedTest(name = "{1} {0} 10 is {2}")
    @CsvSource({
            "gt, 11, true", "gt, 10, false",
            "gte, 10, true", "gte, 9, false",
            "lt, 9, true", "lt, 10, false",
            "lte, 10, true", "lte, 11, false"})
    void compareModifiersCompareNumbers(String modifier, String eventValue, boolean expected) {
        assertTrue(expected == fieldMatches("|" + modifier, "10", eventValue));
        assertTrue(expected == fieldMatches("|" + modifier, "10", Long.parseLong(eventValue)));
    }

    @Test
    void compareModifiersCompareNumericallyNotAsText() {
        assertTrue(fieldMatches("|gt", "9", 10L));
        assertTrue(fieldMatches("|gt", "9", "10"));
    }

    @Test
    void compareModifiersDoNotMatchAValueThatIsNotANumber() {
        assertFalse(fieldMatches("|gt", "10", "many"));
    }

    @ParameterizedTest(name = "{0} of 2024-03-15T13:45:30Z is {1}")
    @CsvSource({"minute, 45", "hour, 13", "day, 15", "week, 11", "month, 3", "year, 2024"})
    void timeModifiersExtractThePartOfADate(String modifier, int expected) {
        assertTrue(fieldMatches("|" + modifier, String.valueOf(expected), "2024-03-15T13:45:30Z"));
        assertFalse(fieldMatches("|" + modifier, String.valueOf(expected + 1), "2024-03-15T13:45:30Z"));
    }

    @Test
    void cidrMatchesAddressesInsideTheIpv4Network() {
        assertTrue(fieldMatches("|cidr", "'192.168.1.0/24'", "192.168.1.77"));
        assertFalse(fieldMatches("|cidr", "'192.168.1.0/24'", "192.168.2.77"));
        assertFalse(fieldMatches("|cidr", "'192.168.1.0/24'", "not an address"));
    }

    @Test
    void cidrMatchesAddressesInsideTheIpv6Network() {
        assertTrue(fieldMatches("|cidr", "'fe80::/10'", "fe80::1ff:fe23:4567:890a"));
        assertFalse(fieldMatches("|cidr", "'fe80::/10'", "2001:db8::1"));
    }

    @Test
    void fieldrefComparesWithAnotherFieldOfTheSameEvent() {
        String detection = selection("TargetUserName|fieldref: SubjectUserName");
        assertTrue(fires(detection, Map.of("TargetUserName", "alice", "SubjectUserName", "ALICE")));
        assertFalse(fires(detection, Map.of("TargetUserName", "alice", "SubjectUserName", "bob")));
    }

    @Test
    void expandReplacesADefinedPlaceholderWithItsValues() {
        EngineOptions options = new EngineOptions(new Placeholders(Map.of("Administrators", List.of("adm_*", "root"))), Set.of());
        SigmaEngine engine = enabled(options, selection("User|expand: '%Administrators%'"));
        assertFalse(engine.evaluate(event(Map.of("User", "adm_alice"))).isEmpty());
        assertFalse(engine.evaluate(event(Map.of("User", "root"))).isEmpty());
        assertTrue(engine.evaluate(event(Map.of("User", "alice"))).isEmpty());
    }

    @Test
    void expandKeepsAnEscapedPercentPlain() {
        EngineOptions options = new EngineOptions(new Placeholders(Map.of("name", List.of("value"))), Set.of());
        SigmaEngine engine = enabled(options, selection("Field|expand: '\\%plain%name%'"));
        assertFalse(engine.evaluate(event(Map.of("Field", "%plainvalue"))).isEmpty());
    }

    @Test
    void withoutExpandAPlaceholderIsLiteralText() {
        assertTrue(fieldMatches("", "'%name%'", "%name%"));
    }
}
