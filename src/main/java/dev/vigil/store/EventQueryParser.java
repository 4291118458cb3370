package dev.vigil.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates the store's query language into a Lucene {@link Query} over the schema of {@link StoreFields}.
 *
 * <p>The language (reference with examples in {@code docs/store.md}):
 * <pre>
 * query   := or
 * or      := and ( "OR" and )*
 * and     := unary ( ["AND"] unary )*           adjacent terms are ANDed
 * unary   := ("NOT" | "-") unary | ["+"] primary
 * primary := "(" or ")" | phrase | field ":" value | word
 * value   := "(" values ")" | phrase | "[" b " TO " b "]" | (">"|">="|"<"|"<=") b | word
 * </pre>
 * A {@code word} or {@code phrase} without a field searches the free-text field; with a field, a word is a
 * case-insensitive exact value (with {@code *} and {@code ?} wildcards; a lone {@code *} means "has the field") and a
 * quoted phrase is an exact value taken literally. Backslashes are literal outside quotes (Windows paths need no
 * escaping); inside quotes only {@code \"} and {@code \\} are escapes. Numbers also match numeric values; ranges with
 * numeric bounds compare numerically; {@code @timestamp} and {@code @receivedAt} take ISO dates or epoch millis.
 *
 * <p>Guarantees: pure (no I/O, no state between calls, safe for concurrent use when the analyzer is); AND binds tighter
 * than OR; every syntax problem is a {@link QuerySyntaxException} naming the position; a blank query matches all.
 */
public final class EventQueryParser {

    private final Analyzer textAnalyzer;

    /** @param textAnalyzer the analyzer the free-text field {@link StoreFields#TEXT} was indexed with */
    public EventQueryParser(Analyzer textAnalyzer) {
        this.textAnalyzer = textAnalyzer;
    }

    /** Parses {@code text}; throws {@link QuerySyntaxException} for anything it cannot read. */
    public Query parse(String text) {
        return new Run(text).parseAll();
    }

    /** A query and whether it is negated (NOT / -), so AND can turn negations into MUST_NOT clauses. */
    private record Clause(Query query, boolean negated) {
        Clause negate() {
            return new Clause(query, !negated);
        }

        Query standalone() {
            if (!negated) {
                return query;
            }
            return new BooleanQuery.Builder()
                    .add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
                    .add(query, Occur.MUST_NOT)
                    .build();
        }
    }

    /** One parse: the text and a cursor. */
    private final class Run {
        private final String text;
        private int pos;

        Run(String text) {
            this.text = text == null ? "" : text;
        }

        Query parseAll() {
            skipSpace();
            if (atEnd()) {
                return MatchAllDocsQuery.INSTANCE;
            }
            Clause clause = parseOr(null);
            skipSpace();
            if (!atEnd()) {
                if (peek() == ')') {
                    throw error(pos, "')' has no matching '('");
                }
                throw error(pos, "unexpected '" + peek() + "'");
            }
            return clause.standalone();
        }

        private Clause parseOr(String field) {
            List<Clause> alternatives = new ArrayList<>();
            alternatives.add(parseAnd(field));
            while (true) {
                skipSpace();
                if (!keywordAhead("OR")) {
                    break;
                }
                int at = pos;
                pos += 2;
                requireOperand(at, "OR");
                alternatives.add(parseAnd(field));
            }
            if (alternatives.size() == 1) {
                return alternatives.getFirst();
            }
            BooleanQuery.Builder or = new BooleanQuery.Builder();
            for (Clause alternative : alternatives) {
                or.add(alternative.standalone(), Occur.SHOULD);
            }
            return new Clause(or.setMinimumNumberShouldMatch(1).build(), false);
        }

        private Clause parseAnd(String field) {
            List<Clause> parts = new ArrayList<>();
            parts.add(parseUnary(field));
            while (true) {
                skipSpace();
                if (atEnd() || peek() == ')' || keywordAhead("OR")) {
                    break;
                }
                if (keywordAhead("AND")) {
                    int at = pos;
                    pos += 3;
                    requireOperand(at, "AND");
                }
                parts.add(parseUnary(field));
            }
            if (parts.size() == 1) {
                return parts.getFirst();
            }
            BooleanQuery.Builder and = new BooleanQuery.Builder();
            boolean anyPositive = false;
            for (Clause part : parts) {
                and.add(part.query(), part.negated() ? Occur.MUST_NOT : Occur.FILTER);
                anyPositive |= !part.negated();
            }
            if (!anyPositive) {
                and.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
            }
            return new Clause(and.build(), false);
        }

        private Clause parseUnary(String field) {
            skipSpace();
            if (keywordAhead("NOT")) {
                int at = pos;
                pos += 3;
                requireOperand(at, "NOT");
                return parseUnary(field).negate();
            }
            if (!atEnd() && (peek() == '-' || peek() == '+') && pos + 1 < text.length()
                    && !Character.isWhitespace(text.charAt(pos + 1))) {
                boolean negate = peek() == '-';
                pos++;
                Clause operand = parseUnary(field);
                return negate ? operand.negate() : operand;
            }
            return parsePrimary(field);
        }

        private void requireOperand(int operatorAt, String operator) {
            skipSpace();
            if (atEnd() || peek() == ')' || keywordAhead("OR") || keywordAhead("AND")) {
                throw error(operatorAt, "'" + operator + "' must be followed by a term");
            }
        }

        private Clause parsePrimary(String field) {
            skipSpace();
            if (atEnd()) {
                throw error(pos, "the query ended where a term was expected");
            }
            if (keywordAhead("AND") || keywordAhead("OR")) {
                throw error(pos, "'" + (keywordAhead("AND") ? "AND" : "OR") + "' needs a term before it");
            }
            char c = peek();
            if (c == '(') {
                return group(field);
            }
            if (c == ')') {
                throw error(pos, "')' has no matching '(' or closes an empty group");
            }
            if (c == '"') {
                int at = pos;
                String phrase = readQuoted();
                return new Clause(field == null ? freeTextPhrase(phrase, at) : exactValue(field, phrase), false);
            }
            if (field != null) {
                return new Clause(fieldValue(field), false);
            }
            int nameEnd = fieldNameEnd(pos);
            if (nameEnd > pos && nameEnd < text.length() && text.charAt(nameEnd) == ':') {
                String name = text.substring(pos, nameEnd);
                pos = nameEnd + 1;
                return parseFieldValue(name, nameEnd);
            }
            int at = pos;
            return new Clause(freeTextWord(readWord(), at), false);
        }

        private Clause group(String field) {
            int open = pos;
            pos++;
            skipSpace();
            if (!atEnd() && peek() == ')') {
                throw error(open, "empty parentheses: put a term between '(' and ')'");
            }
            Clause inner = parseOr(field);
            skipSpace();
            if (atEnd() || peek() != ')') {
                throw error(open, "'(' is never closed: add ')'");
            }
            pos++;
            return inner;
        }

        private Clause parseFieldValue(String field, int colonAt) {
            if (atEnd() || Character.isWhitespace(peek()) || peek() == ')') {
                throw error(colonAt, "field '" + field + "' has no value after ':' (use " + field + ":* for 'has any value')");
            }
            char c = peek();
            if (c == '(') {
                return group(field);
            }
            if (c == '"') {
                return new Clause(exactValue(field, readQuoted()), false);
            }
            return new Clause(fieldValue(field), false);
        }

        /** A value for {@code field} at the cursor: range, comparison or word. */
        private Query fieldValue(String field) {
            char c = peek();
            if (c == '[' || c == '{') {
                return range(field);
            }
            if (c == '>' || c == '<') {
                return comparison(field);
            }
            int at = pos;
            return wordValue(field, readWord(), at);
        }

        private Query range(String field) {
            int open = pos;
            boolean lowerInclusive = text.charAt(pos++) == '[';
            skipSpace();
            int lowerAt = pos;
            String lower = readBound();
            if (lower.isEmpty()) {
                throw error(lowerAt, "range needs a lower bound: write [from TO to], with * for open");
            }
            skipSpace();
            if (!keywordAhead("TO")) {
                throw error(pos, "range must be written [from TO to]; expected 'TO' here");
            }
            pos += 2;
            skipSpace();
            int upperAt = pos;
            String upper = readBound();
            if (upper.isEmpty()) {
                throw error(upperAt, "range needs an upper bound after 'TO', with * for open");
            }
            skipSpace();
            if (atEnd() || (peek() != ']' && peek() != '}')) {
                throw error(open, "range opened here is never closed with ']' or '}'");
            }
            boolean upperInclusive = text.charAt(pos++) == ']';
            return rangeQuery(field, lower, lowerAt, lowerInclusive, upper, upperAt, upperInclusive);
        }

        private Query comparison(String field) {
            int at = pos;
            boolean greater = text.charAt(pos++) == '>';
            boolean inclusive = !atEnd() && peek() == '=';
            if (inclusive) {
                pos++;
            }
            int valueAt = pos;
            String bound = atEnd() ? "" : peek() == '"' ? readQuoted() : readWord();
            if (bound.isEmpty() || bound.equals("*")) {
                throw error(at, "comparison needs a value, as in " + field + ":>1000");
            }
            return greater
                    ? rangeQuery(field, bound, valueAt, inclusive, "*", valueAt, true)
                    : rangeQuery(field, "*", valueAt, true, bound, valueAt, inclusive);
        }

        private Query rangeQuery(String field, String lower, int lowerAt, boolean lowerInclusive,
                                 String upper, int upperAt, boolean upperInclusive) {
            boolean openLower = lower.equals("*");
            boolean openUpper = upper.equals("*");
            if (StoreFields.isTimeField(field)) {
                long from = openLower ? Long.MIN_VALUE : lowerInclusive
                        ? timeStart(lower, lowerAt) : Math.addExact(timeEnd(lower, lowerAt), 1);
                long to = openUpper ? Long.MAX_VALUE : upperInclusive
                        ? timeEnd(upper, upperAt) : timeStart(upper, upperAt) - 1;
                return LongPoint.newRangeQuery(field, from, to);
            }
            if (openLower && openUpper) {
                return new TermRangeQuery(field, null, null, true, true);
            }
            if ((openLower || NumericText.looksNumeric(lower)) && (openUpper || NumericText.looksNumeric(upper))) {
                double from = openLower ? Double.NEGATIVE_INFINITY : Double.parseDouble(lower);
                double to = openUpper ? Double.POSITIVE_INFINITY : Double.parseDouble(upper);
                if (!openLower && !lowerInclusive) {
                    from = Math.nextUp(from);
                }
                if (!openUpper && !upperInclusive) {
                    to = Math.nextDown(to);
                }
                return DoublePoint.newRangeQuery(StoreFields.numericField(field), from, to);
            }
            return TermRangeQuery.newStringRange(field,
                    openLower ? null : StoreFields.normalizeKeyword(lower),
                    openUpper ? null : StoreFields.normalizeKeyword(upper), lowerInclusive, upperInclusive);
        }

        private Query wordValue(String field, String word, int at) {
            if (StoreFields.isTimeField(field)) {
                if (word.equals("*")) {
                    return LongPoint.newRangeQuery(field, Long.MIN_VALUE, Long.MAX_VALUE);
                }
                return LongPoint.newRangeQuery(field, timeStart(word, at), timeEnd(word, at));
            }
            if (word.equals("*")) {
                return new TermRangeQuery(field, null, null, true, true);
            }
            if (word.indexOf('*') >= 0 || word.indexOf('?') >= 0) {
                return wildcard(field, word);
            }
            return exactValue(field, word);
        }

        private Query exactValue(String field, String value) {
            if (StoreFields.isTimeField(field)) {
                return wordValue(field, value, pos);
            }
            Query term = new TermQuery(new Term(field, StoreFields.keywordTerm(value)));
            if (!NumericText.looksNumeric(value)) {
                return term;
            }
            return new BooleanQuery.Builder()
                    .add(term, Occur.SHOULD)
                    .add(DoublePoint.newExactQuery(StoreFields.numericField(field), Double.parseDouble(value)), Occur.SHOULD)
                    .build();
        }

        private Query freeTextWord(String word, int at) {
            if (word.equals("*")) {
                return MatchAllDocsQuery.INSTANCE;
            }
            if (word.indexOf('*') >= 0 || word.indexOf('?') >= 0) {
                return wildcard(StoreFields.TEXT, word);
            }
            return freeTextPhrase(word, at);
        }

        private Query freeTextPhrase(String phrase, int at) {
            PhraseQuery.Builder builder = new PhraseQuery.Builder();
            List<String> terms = new ArrayList<>();
            try (TokenStream tokens = textAnalyzer.tokenStream(StoreFields.TEXT, phrase)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
                tokens.reset();
                int position = -1;
                while (tokens.incrementToken()) {
                    position += increment.getPositionIncrement();
                    terms.add(term.toString());
                    builder.add(new Term(StoreFields.TEXT, term.toString()), position);
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException("analysing query text", e);
            }
            if (terms.isEmpty()) {
                throw error(at, "'" + phrase + "' has no searchable words (only punctuation); put it in a field value, as in field:\"" + phrase + "\"");
            }
            if (terms.size() == 1) {
                return new TermQuery(new Term(StoreFields.TEXT, terms.getFirst()));
            }
            return builder.build();
        }

        private static Query wildcard(String field, String pattern) {
            // WildcardQuery treats '\' as its escape character; our backslashes are literal.
            String escaped = StoreFields.normalizeKeyword(pattern).replace("\\", "\\\\");
            return new WildcardQuery(new Term(field, escaped));
        }

        private long timeStart(String value, int at) {
            return parseTime(value, at, false);
        }

        private long timeEnd(String value, int at) {
            return parseTime(value, at, true);
        }

        /** Epoch millis of a time value; a bare date stands for its whole UTC day (start or last millisecond). */
        private long parseTime(String value, int at, boolean endOfRange) {
            try {
                if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() > 8) {
                    return Long.parseLong(value);
                }
                if (value.length() == 10) {
                    LocalDate day = LocalDate.parse(value);
                    long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                    return endOfRange ? start + 86_399_999L : start;
                }
                Instant instant;
                if (value.endsWith("Z") || value.endsWith("z")) {
                    instant = Instant.parse(value.toUpperCase(java.util.Locale.ROOT));
                } else if (value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                    instant = OffsetDateTime.parse(value).toInstant();
                } else {
                    instant = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                }
                return instant.toEpochMilli();
            } catch (DateTimeException | NumberFormatException e) {
                throw error(at, "'" + value + "' is not a time: use 2024-05-01, 2024-05-01T13:45:00Z or epoch milliseconds");
            }
        }

        private String readQuoted() {
            int open = pos;
            pos++;
            StringBuilder value = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error(open, "quote opened here is never closed: add '\"'");
                }
                char c = text.charAt(pos);
                if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\\')) {
                    value.append(text.charAt(pos + 1));
                    pos += 2;
                } else if (c == '"') {
                    pos++;
                    return value.toString();
                } else {
                    value.append(c);
                    pos++;
                }
            }
        }

        /** A word: up to whitespace or ')'. Backslashes and quotes inside it are literal. */
        private String readWord() {
            int start = pos;
            while (!atEnd() && !Character.isWhitespace(peek()) && peek() != ')') {
                pos++;
            }
            return text.substring(start, pos);
        }

        /** A range bound: a quoted value, or up to whitespace, ']' or '}'. */
        private String readBound() {
            if (!atEnd() && peek() == '"') {
                return readQuoted();
            }
            int start = pos;
            while (!atEnd() && !Character.isWhitespace(peek()) && peek() != ']' && peek() != '}') {
                pos++;
            }
            return text.substring(start, pos);
        }

        private int fieldNameEnd(int from) {
            int i = from;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '@' || c == '-' || c == '/') {
                    i++;
                } else {
                    break;
                }
            }
            return i;
        }

        private boolean keywordAhead(String keyword) {
            if (!text.startsWith(keyword, pos)) {
                return false;
            }
            int after = pos + keyword.length();
            return after == text.length() || Character.isWhitespace(text.charAt(after)) || text.charAt(after) == '(';
        }

        private void skipSpace() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        private boolean atEnd() {
            return pos >= text.length();
        }

        private char peek() {
            return text.charAt(pos);
        }

        private QuerySyntaxException error(int at, String problem) {
            return new QuerySyntaxException(text, at, problem);
        }
    }
}
