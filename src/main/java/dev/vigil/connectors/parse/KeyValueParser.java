package dev.vigil.connectors.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses generic {@code k=v k2="quoted value" k3='x'} text into one field per key, with configurable separators
 * ({@code a=1; b=2}, {@code a:1,b:2}, query strings, sudo's {@code TTY=pts/0 ; PWD=/root ; COMMAND=...}).
 *
 * <p>Guarantees: keys are kept as written (trimmed) under the optional prefix; values are text, their quotes
 * removed and a backslash inside quotes escaping the next character; a quoted value may contain separators; an
 * unquoted value runs to the next pair separator and, unless that separator is whitespace, is trimmed; a repeated key
 * becomes a list. Words without a key-value separator between pairs are ignored. A record with no pair at all, or
 * with a quote that is never closed, is rejected with the reason. The configuration is immutable.
 */
public final class KeyValueParser implements RecordParser {

    private final PairScanner scanner;
    private final String keyPrefix;

    /** Whitespace between pairs, {@code =} between key and value, keys as written. */
    public KeyValueParser() {
        this(null, "=", "");
    }

    /**
     * @param pairSeparator     text between pairs, or null for any run of whitespace
     * @param keyValueSeparator text between a key and its value
     * @param keyPrefix         prepended to every key (for example {@code "sudo."}), empty for none
     * @throws IllegalArgumentException when a separator is empty or both separators are the same
     */
    public KeyValueParser(String pairSeparator, String keyValueSeparator, String keyPrefix) {
        this.scanner = new PairScanner(pairSeparator, keyValueSeparator, true);
        this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
    }

    @Override
    public Map<String, Object> parse(String payload, ParseContext context) throws RecordParseException {
        List<PairScanner.Pair> pairs = scanner.scan(payload);
        if (pairs.isEmpty()) {
            throw new RecordParseException("no key=value pairs in '" + SyslogParser.abbreviate(payload, 60) + "'");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (PairScanner.Pair pair : pairs) {
            MultiValues.add(fields, keyPrefix + pair.key(), pair.value());
        }
        return fields;
    }
}
