package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.vigil.detect.sigma.SigmaFixture.enabled;
import static dev.vigil.detect.sigma.SigmaFixture.fires;
import static dev.vigil.detect.sigma.SigmaFixture.rawEvent;
import static dev.vigil.detect.sigma.SigmaFixture.selection;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keyword searches, the special values {@code null} and {@code ''}, and numbers written in rules. */
class KeywordAndNullTest {

    private static final String KEYWORDS = """
            keywords:
                - 'event::clear'
                - 'event::drop'
            condition: keywords""";

    private static final String ALL_KEYWORDS = """
            keywords_cmdlet:
                '|all':
                    - 'OabVirtualDirectory'
                    - ' -ExternalUrl '
            condition: keywords_cmdlet""";

    @Test
    void aKeywordListMatchesWhenAnyKeywordAppearsInAnyValue() {
        assertTrue(fires(KEYWORDS, Map.of("CommandLine", "mimikatz.exe event::drop exit")));
        assertTrue(fires(KEYWORDS, Map.of("Other", "x", "CommandLine", "EVENT::CLEAR")));
        assertFalse(fires(KEYWORDS, Map.of("CommandLine", "event::list")));
    }

    @Test
    void keywordsWithAllNeedEveryKeywordSomewhereInTheEvent() {
        assertTrue(fires(ALL_KEYWORDS, Map.of("CommandLine", "Set-OabVirtualDirectory -ExternalUrl http://x")));
        assertTrue(fires(ALL_KEYWORDS, Map.of("Cmdlet", "Set-OabVirtualDirectory", "Args", "x -ExternalUrl y")));
        assertFalse(fires(ALL_KEYWORDS, Map.of("CommandLine", "Set-OabVirtualDirectory -InternalUrl http://x")));
    }

    @Test
    void keywordsSearchTheRawTextOfAnEventWithoutFields() {
        assertFalse(enabled(KEYWORDS).evaluate(rawEvent("Jan 1 host mimikatz: event::clear done")).isEmpty());
    }

    @Test
    void aSingleKeywordValueIsAKeywordSearchToo() {
        assertTrue(fires("keyword: 'evil'\ncondition: keyword", Map.of("CommandLine", "an evil thing")));
    }

    @Test
    void nullMatchesAnAbsentField() {
        String detection = """
                selection:
                    EventID: 4738
                filter:
                    PasswordLastSet: null
                condition: selection and not filter""";
        assertTrue(fires(detection, Map.of("EventID", 4738L, "PasswordLastSet", "2024-01-01")));
        assertFalse(fires(detection, Map.of("EventID", 4738L)));
    }

    @Test
    void anEmptyValueMatchesAnEmptyFieldButNotAnAbsentOne() {
        String detection = selection("Description: ''");
        assertTrue(fires(detection, Map.of("Description", "")));
        assertFalse(fires(detection, Map.of("Other", "x")));
        assertFalse(fires(detection, Map.of("Description", "something")));
    }

    @Test
    void nullAndEmptyAsSeparateSelectionsWithOneOf() {
        String detection = """
                selection_main:
                    FieldA: 'something'
                selection_empty1:
                    FieldB: ''
                selection_empty2:
                    FieldB: null
                condition: selection_main and 1 of selection_empty*""";
        assertTrue(fires(detection, Map.of("FieldA", "something", "FieldB", "")));
        assertTrue(fires(detection, Map.of("FieldA", "something")));
        assertFalse(fires(detection, Map.of("FieldA", "something", "FieldB", "set")));
    }

    @Test
    void aNumberInARuleMatchesTheSameNumberAsTextOrAsALong() {
        String detection = selection("EventID: 4688");
        assertTrue(fires(detection, Map.of("EventID", 4688L)));
        assertTrue(fires(detection, Map.of("EventID", "4688")));
        assertFalse(fires(detection, Map.of("EventID", 46880L)));
    }

    @Test
    void aNumberInARuleKeepsItsTextAsWritten() {
        assertTrue(fires(selection("TicketOptions: 0x40810000"), Map.of("TicketOptions", "0x40810000")));
        assertTrue(fires(selection("Version: 1.10"), Map.of("Version", "1.10")));
    }

    @Test
    void aQuotedNumberIsTheSameAsAnUnquotedOne() {
        assertTrue(fires(selection("EventID: '4688'"), Map.of("EventID", 4688L)));
    }
}
