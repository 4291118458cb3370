package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.vigil.detect.sigma.SigmaFixture.fires;
import static dev.vigil.detect.sigma.SigmaFixture.selection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wildcards and the escape character, as the rules specification's "String Wildcard" and "Escape Character" sections
 * define them. Values in rules are written here as YAML single-quoted strings, so backslashes reach the engine as
 * written.
 */
class WildcardAndEscapingTest {

    private static boolean matches(String ruleValue, String eventValue) {
        return fires(selection("Field: '" + ruleValue + "'"), Map.of("Field", eventValue));
    }

    private static SigmaString.Literal literal(String text) {
        return new SigmaString.Literal(text);
    }

    @Test
    void starMatchesAnyRunOfCharactersIncludingNone() {
        assertTrue(matches("antivirus_V*.exe", "antivirus_V21.2.1.exe"));
        assertTrue(matches("antivirus_V*.exe", "antivirus_V.exe"));
        assertFalse(matches("antivirus_V*.exe", "antivirus_V1.dll"));
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertTrue(matches("prog?.exe", "progA.exe"));
        assertFalse(matches("prog?.exe", "prog.exe"));
        assertFalse(matches("prog?.exe", "progAB.exe"));
    }

    @Test
    void wildcardsMatchCaseInsensitively() {
        assertTrue(matches("*\\SYSTEM32\\CMD.*", "C:\\Windows\\System32\\cmd.exe"));
    }

    @Test
    void escapedStarIsAPlainStar() {
        assertEquals(List.of(literal("a*b")), SigmaString.parse("a\\*b").parts());
        assertTrue(matches("a\\*b", "a*b"));
        assertFalse(matches("a\\*b", "axxb"));
    }

    @Test
    void escapedQuestionMarkIsAPlainQuestionMark() {
        assertEquals(List.of(literal("what?")), SigmaString.parse("what\\?").parts());
        assertTrue(matches("what\\?", "what?"));
        assertFalse(matches("what\\?", "whatx"));
    }

    @Test
    void escapedBackslashBeforeAStarIsABackslashFollowedByAWildcard() {
        assertEquals(List.of(literal("dir\\"), SigmaString.Wildcard.ANY), SigmaString.parse("dir\\\\*").parts());
        assertTrue(matches("dir\\\\*", "dir\\anything"));
        assertFalse(matches("dir\\\\*", "dir*"));
    }

    @Test
    void threeBackslashesBeforeAStarAreAPlainBackslashAndAPlainStar() {
        assertEquals(List.of(literal("dir\\*")), SigmaString.parse("dir\\\\\\*").parts());
        assertTrue(matches("dir\\\\\\*", "dir\\*"));
        assertFalse(matches("dir\\\\\\*", "dir\\anything"));
    }

    @Test
    void fourBackslashesAreADoubleBackslash() {
        assertEquals(List.of(literal("\\\\server")), SigmaString.parse("\\\\\\\\server").parts());
        assertTrue(matches("\\\\\\\\server", "\\\\server"));
        assertFalse(matches("\\\\\\\\server", "\\server"));
    }

    @Test
    void threeBackslashesNotBeforeAWildcardAreADoubleBackslashToo() {
        assertEquals(List.of(literal("\\\\server")), SigmaString.parse("\\\\\\server").parts());
    }

    @Test
    void aPlainBackslashInAWindowsPathIsABackslash() {
        assertEquals(List.of(literal("C:\\Windows\\System32\\cmd.exe")), SigmaString.parse("C:\\Windows\\System32\\cmd.exe").parts());
        assertTrue(matches("C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\System32\\cmd.exe"));
    }

    @Test
    void aDoubledBackslashNotBeforeAWildcardIsOneBackslash() {
        assertEquals(SigmaString.parse("C:\\Windows"), SigmaString.parse("C:\\\\Windows"));
        assertTrue(matches("C:\\\\Windows", "C:\\Windows"));
    }

    @Test
    void aTrailingBackslashIsPlain() {
        assertEquals(List.of(literal("C:\\Temp\\")), SigmaString.parse("C:\\Temp\\").parts());
    }

    @Test
    void endswithKeepsAPathSeparatorBeforeTheFileName() {
        assertTrue(fires(selection("Image|endswith: '\\cmd.exe'"), Map.of("Image", "C:\\Windows\\cmd.exe")));
        assertFalse(fires(selection("Image|endswith: '\\cmd.exe'"), Map.of("Image", "C:\\Windows\\notcmd.exe")));
    }
}
