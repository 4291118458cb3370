package dev.vigil.connectors.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into {@code key<sep>value} pairs: the lexical step shared by {@link KeyValueParser} and
 * {@link AuditdParser}.
 *
 * <p>Guarantees: pairs come back in order of appearance with trimmed keys; a value may be double- or single-quoted
 * (the quotes are removed and {@link Pair#quote()} says which was used) and may then contain the pair separator;
 * an unquoted value runs to the next pair separator (trimmed unless the separator is whitespace). Words that have no
 * key-value separator are skipped, not errors, so prose between pairs does no harm. A quote that is never closed
 * raises {@link RecordParseException} naming the key.
 */
final class PairScanner {

    /** One pair as written. {@code quote} is {@code '"'}, {@code '\''} or 0 when the value was not quoted. */
    record Pair(String key, String value, char quote) {
    }

    private final String pairSeparator;
    private final String keyValueSeparator;
    private final boolean backslashEscapes;

    /**
     * @param pairSeparator     text between pairs; null means any run of whitespace
     * @param keyValueSeparator text between a key and its value, never empty
     * @param backslashEscapes  whether a backslash inside quotes escapes the next character
     */
    PairScanner(String pairSeparator, String keyValueSeparator, boolean backslashEscapes) {
        if (keyValueSeparator == null || keyValueSeparator.isEmpty()) {
            throw new IllegalArgumentException("key-value separator must not be empty");
        }
        if (pairSeparator != null && pairSeparator.isEmpty()) {
            throw new IllegalArgumentException("pair separator must not be empty (use null for whitespace)");
        }
        if (pairSeparator != null && pairSeparator.equals(keyValueSeparator)) {
            throw new IllegalArgumentException("pair and key-value separators must differ, both are '" + pairSeparator + "'");
        }
        this.pairSeparator = pairSeparator;
        this.keyValueSeparator = keyValueSeparator;
        this.backslashEscapes = backslashEscapes;
    }

    List<Pair> scan(String text) throws RecordParseException {
        List<Pair> pairs = new ArrayList<>();
        int pos = 0;
        while (true) {
            pos = skipSeparators(text, pos);
            if (pos >= text.length()) {
                return pairs;
            }
            int kv = text.indexOf(keyValueSeparator, pos);
            int nextSeparator = separatorAt(text, pos);
            if (kv < 0 || (nextSeparator >= 0 && nextSeparator < kv)) {
                pos = nextSeparator < 0 ? text.length() : nextSeparator;
                continue;
            }
            String key = text.substring(pos, kv).strip();
            pos = kv + keyValueSeparator.length();
            if (key.isEmpty()) {
                pos = skipValue(text, pos);
                continue;
            }
            char first = pos < text.length() ? text.charAt(pos) : 0;
            if (first == '"' || first == '\'') {
                pos = readQuoted(text, pos, key, first, pairs);
            } else {
                int end = separatorAt(text, pos);
                end = end < 0 ? text.length() : end;
                String value = text.substring(pos, end);
                pairs.add(new Pair(key, pairSeparator == null ? value : value.strip(), (char) 0));
                pos = end;
            }
        }
    }

    private int readQuoted(String text, int pos, String key, char quote, List<Pair> pairs) throws RecordParseException {
        StringBuilder value = new StringBuilder();
        int i = pos + 1;
        while (true) {
            if (i >= text.length()) {
                throw new RecordParseException("value of '" + key + "' opens a " + (quote == '"' ? "double" : "single")
                        + " quote at offset " + pos + " that is never closed");
            }
            char c = text.charAt(i);
            if (c == quote) {
                break;
            }
            if (backslashEscapes && c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(i + 1));
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        i++;
        int end = separatorAt(text, i);
        end = end < 0 ? text.length() : end;
        value.append(text, i, end);
        pairs.add(new Pair(key, value.toString(), quote));
        return end;
    }

    private int skipValue(String text, int pos) {
        int end = separatorAt(text, pos);
        return end < 0 ? text.length() : end;
    }

    /** The index of the next pair separator at or after {@code from}, or -1. */
    private int separatorAt(String text, int from) {
        if (pairSeparator != null) {
            return text.indexOf(pairSeparator, from);
        }
        for (int i = from; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private int skipSeparators(String text, int pos) {
        while (pos < text.length()) {
            if (Character.isWhitespace(text.charAt(pos))) {
                pos++;
            } else if (pairSeparator != null && text.startsWith(pairSeparator, pos)) {
                pos += pairSeparator.length();
            } else {
                return pos;
            }
        }
        return pos;
    }
}
