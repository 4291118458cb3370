package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The literal the prefilter may require of a regular expression: only what every match must contain. */
class RegexLiteralsTest {

    @Test
    void theLongestPlainRunOutsideGroupsIsRequired() {
        assertEquals("\\appdata\\", RegexLiterals.required("\\\\AppData\\\\(Local|Roaming)"));
        assertEquals("invoke-mimikatz", RegexLiterals.required("(?i)Invoke-Mimikatz.*"));
    }

    @Test
    void aCharacterMadeOptionalByAQuantifierIsDropped() {
        assertEquals("abcd", RegexLiterals.required("abcde?"));
        assertEquals("abcd", RegexLiterals.required("abcdx*"));
        assertEquals("abcde", RegexLiterals.required("abcde+"));
    }

    @Test
    void alternationOutsideAGroupGivesNoLiteral() {
        assertNull(RegexLiterals.required("powershell|pwsh"));
    }

    @Test
    void classesAndEscapesBreakRuns() {
        assertEquals("-enc", RegexLiterals.required("\\s-enc\\s[A-Za-z0-9]+"));
        assertNull(RegexLiterals.required("\\d+\\.\\d+"));
    }

    @Test
    void charactersThatMayBelongToAnEscapeNeverCount() {
        assertEquals("-enc", RegexLiterals.required("\\x41BCDEF-enc"));
        assertNull(RegexLiterals.required("\\u0041abcdef"));
    }

    @Test
    void shortRunsGiveNoLiteral() {
        assertNull(RegexLiterals.required("ab.cd"));
    }
}
