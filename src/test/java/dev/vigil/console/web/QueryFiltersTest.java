package dev.vigil.console.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryFiltersTest {

    @Test
    void aClickOnAValueAndsAQuotedTermToTheQuery() {
        assertEquals("EventID:4625 AND user.name:\"alice\"", QueryFilters.include("EventID:4625", "user.name", "alice"));
    }

    @Test
    void aMatchAllOrEmptyQueryIsReplacedByTheTerm() {
        assertEquals("host:\"db-01\"", QueryFilters.include("*", "host", "db-01"));
        assertEquals("host:\"db-01\"", QueryFilters.include("  ", "host", "db-01"));
    }

    @Test
    void quotesAndBackslashesInTheValueAreEscapedSoTheValueMatchesLiterally() {
        assertEquals("cmd:\"say \\\"hi\\\" C:\\\\x (y)*\"", QueryFilters.term("cmd", "say \"hi\" C:\\x (y)*"));
    }

    @Test
    void aQueryWithOrIsParenthesisedBeforeTheTermIsAdded() {
        assertEquals("(a:1 OR b:2) AND c:\"3\"", QueryFilters.include("a:1 OR b:2", "c", "3"));
    }

    @Test
    void excludingAddsAndNot() {
        assertEquals("a:1 AND NOT c:\"3\"", QueryFilters.exclude("a:1", "c", "3"));
        assertEquals("* AND NOT c:\"3\"", QueryFilters.exclude("*", "c", "3"));
    }
}
