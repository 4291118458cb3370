package dev.vigil.store;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Syntax errors name the problem and its 1-based position; no index involved. */
class EventQueryParserTest {

    private final EventQueryParser parser = new EventQueryParser(new StandardAnalyzer());

    private QuerySyntaxException error(String query) {
        return assertThrows(QuerySyntaxException.class, () -> parser.parse(query));
    }

    @Test
    void blankQueryIsMatchAll() {
        assertInstanceOf(MatchAllDocsQuery.class, parser.parse(""));
    }

    @Test
    void unclosedParenthesisPointsAtTheOpeningParenthesis() {
        QuerySyntaxException e = error("user.name:(root OR admin");
        assertEquals(11, e.position());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void unmatchedClosingParenthesisIsReported() {
        QuerySyntaxException e = error("root )");
        assertEquals(6, e.position());
        assertTrue(e.getMessage().contains("no matching '('"), e.getMessage());
    }

    @Test
    void unterminatedQuotePointsAtTheQuote() {
        QuerySyntaxException e = error("user.name:root \"failed password");
        assertEquals(16, e.position());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void operatorWithoutRightOperandIsReported() {
        QuerySyntaxException e = error("root OR");
        assertEquals(6, e.position());
        assertTrue(e.getMessage().contains("'OR' must be followed by a term"), e.getMessage());
    }

    @Test
    void operatorWithoutLeftOperandIsReported() {
        QuerySyntaxException e = error("AND root");
        assertEquals(1, e.position());
        assertTrue(e.getMessage().contains("needs a term before it"), e.getMessage());
    }

    @Test
    void rangeWithoutToIsReported() {
        QuerySyntaxException e = error("dest.port:[1 1024]");
        assertEquals(14, e.position());
        assertTrue(e.getMessage().contains("expected 'TO'"), e.getMessage());
    }

    @Test
    void unclosedRangeIsReported() {
        QuerySyntaxException e = error("dest.port:[1 TO 1024");
        assertEquals(11, e.position());
    }

    @Test
    void fieldWithoutValueIsReported() {
        QuerySyntaxException e = error("user.name: root");
        assertEquals(10, e.position());
        assertTrue(e.getMessage().contains("has no value"), e.getMessage());
    }

    @Test
    void badTimeIsReportedWithTheAcceptedForms() {
        QuerySyntaxException e = error("@timestamp:>yesterday");
        assertEquals(13, e.position());
        assertTrue(e.getMessage().contains("2024-05-01T13:45:00Z"), e.getMessage());
    }

    @Test
    void emptyParenthesesAreReported() {
        assertEquals(1, error("() root").position());
    }

    @Test
    void punctuationOnlyFreeTextIsReported() {
        QuerySyntaxException e = error("root //");
        assertEquals(6, e.position());
        assertTrue(e.getMessage().contains("no searchable words"), e.getMessage());
    }

    @Test
    void messageSaysWhereTheProblemIs() {
        assertTrue(error("root OR").getMessage().startsWith("Query syntax error at position 6: "));
    }
}
