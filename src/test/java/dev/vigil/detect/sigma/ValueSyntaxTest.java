package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.vigil.detect.sigma.RuleFixture.entry;
import static dev.vigil.detect.sigma.RuleFixture.fires;
import static dev.vigil.detect.sigma.RuleFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values as the Sigma rules specification defines them: wildcards, escaping, lists, maps, null, empty, keywords. */
class ValueSyntaxTest {

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertTrue(fires(entry("Image", "'C:\\prog?.exe'"), Map.of("Image", "C:\\progA.exe")));
        assertFalse(fires(entry("Image", "'C:\\prog?.exe'"), Map.of("Image", "C:\\prog.exe")));
    }

    @Test
    void starMatchesAnyRunIncludingNone() {
        assertTrue(fires(entry("Image", "'C:\\antivirus_V*.exe'"), Map.of("Image", "C:\\antivirus_V21.2.1.exe")));
        assertTrue(fires(entry("Image", "'C:\\antivirus_V*.exe'"), Map.of("Image", "C:\\antivirus_V.exe")));
    }

    @Test
    void aPlainBackslashBeforeALetterIsABackslash() {
        assertTrue(fires(entry("Image", "'C:\\Windows\\cmd.exe'"), Map.of("Image", "C:\\Windows\\cmd.exe")));
        assertTrue(fires(entry("Image", "'C:\\\\Windows\\\\cmd.exe'"), Map.of("Image", "C:\\Windows\\cmd.exe")));
    }

    @Test
    void escapedWildcardsAreLiteral() {
        assertTrue(fires(entry("Title", "'what\\?'"), Map.of("Title", "what?")));
        assertFalse(fires(entry("Title", "'what\\?'"), Map.of("Title", "whats")));
        assertTrue(fires(entry("Title", "'a\\*b'"), Map.of("Title", "a*b")));
        assertFalse(fires(entry("Title", "'a\\*b'"), Map.of("Title", "axxb")));
    }

    @Test
    void anEscapedBackslashBeforeAStarKeepsTheStarAWildcard() {
        assertTrue(fires(entry("Path", "'C:\\\\*'"), Map.of("Path", "C:\\anything")));
    }

    @Test
    void threeBackslashesBeforeAStarAreABackslashAndALiteralStar() {
        assertTrue(fires(entry("Path", "'C:\\\\\\*'"), Map.of("Path", "C:\\*")));
        assertFalse(fires(entry("Path", "'C:\\\\\\*'"), Map.of("Path", "C:\\x")));
    }

    @Test
    void fourBackslashesAreTwo() {
        assertTrue(fires(entry("Path", "'\\\\\\\\server'"), Map.of("Path", "\\\\server")));
    }

    @Test
    void mapsAreAndedAndListsOfMapsAreOred() {
        String anded = rule("selection:\n    Image|endswith: '\\\\net.exe'\n    CommandLine|contains: 'group'\ncondition: selection");
        assertTrue(fires(anded, Map.of("Image", "C:\\net.exe", "CommandLine", "net group")));
        assertFalse(fires(anded, Map.of("Image", "C:\\net.exe", "CommandLine", "net user")));
        String ored = rule("selection:\n    - Image|endswith: '\\\\example.exe'\n    - Description|contains: 'Test executable'\ncondition: selection");
        assertTrue(fires(ored, Map.of("Description", "a Test executable here")));
        assertTrue(fires(ored, Map.of("Image", "C:\\example.exe")));
    }

    @Test
    void nullMatchesAMissingFieldAndEmptyMatchesAnEmptyValue() {
        String isNull = rule("selection:\n    EventID: 4738\nfilter:\n    PasswordLastSet: null\ncondition: selection and not filter");
        assertTrue(fires(isNull, Map.of("EventID", 4738L, "PasswordLastSet", "3/1/2026")));
        assertFalse(fires(isNull, Map.of("EventID", 4738L)));
        assertTrue(fires(entry("FieldB", "''"), Map.of("FieldB", "")));
        assertFalse(fires(entry("FieldB", "''"), Map.of("FieldB", "x")));
    }

    @Test
    void aNumberInTheRuleMatchesTheNumberOrItsTextInTheEvent() {
        assertTrue(fires(entry("EventID", "4688"), Map.of("EventID", 4688L)));
        assertTrue(fires(entry("EventID", "4688"), Map.of("EventID", "4688")));
        assertFalse(fires(entry("EventID", "4688"), Map.of("EventID", 46880L)));
    }

    @Test
    void aListFieldInTheEventMatchesWhenAnyElementDoes() {
        assertTrue(fires(entry("Tags", "'bad'"), Map.of("Tags", List.of("good", "bad"))));
    }

    @Test
    void fieldNamesFallBackToCaseInsensitiveLookup() {
        assertTrue(fires(entry("commandline|contains", "'whoami'"), Map.of("CommandLine", "whoami /all")));
    }

    @Test
    void keywordsAreSearchedInEveryValue() {
        String keywords = rule("keywords:\n    - 'event::clear'\n    - 'event::drop'\ncondition: keywords");
        assertTrue(fires(keywords, Map.of("CommandLine", "mimikatz # event::drop", "User", "x")));
        assertFalse(fires(keywords, Map.of("CommandLine", "event clear")));
    }

    @Test
    void keywordsWithAllMustAllBePresent() {
        String keywords = rule("keywords_cmdlet:\n    '|all':\n        - 'OabVirtualDirectory'\n        - ' -ExternalUrl '\ncondition: keywords_cmdlet");
        assertTrue(fires(keywords, Map.of("Payload", "Set-OabVirtualDirectory -ExternalUrl http://x")));
        assertFalse(fires(keywords, Map.of("Payload", "Set-OabVirtualDirectory")));
    }

    @Test
    void theMatchNamesTheFieldsAndEventValuesItMatchedOn() {
        String anded = rule("selection:\n    Image|endswith: '\\\\net.exe'\n    CommandLine|contains: 'group'\ncondition: selection");
        var match = RuleFixture.matches(anded, Map.of("Image", "C:\\net.exe", "CommandLine", "net group \"Domain Admins\"", "User", "bob")).getFirst();
        assertEquals(List.of(new dev.vigil.detect.MatchedField("Image", "C:\\net.exe"),
                new dev.vigil.detect.MatchedField("CommandLine", "net group \"Domain Admins\"")), match.matched());
    }
}
