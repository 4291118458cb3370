package dev.vigil.connectors.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a CEF extension: space-separated {@code key=value} pairs whose values may contain spaces, so a value runs
 * until the whitespace before the next {@code key=} (a key being letters, digits, {@code _ . - [ ]} preceded by
 * whitespace and followed by an unescaped {@code =}).
 *
 * <p>Guarantees: values are unescaped ({@code \=} {@code \\} {@code \|} to the character, {@code \n} and {@code \r}
 * to line breaks, other backslashes kept) and trimmed of trailing whitespace; an {@code =} inside a value that is not
 * preceded by a key-shaped word stays in the value (URLs with query strings survive); a repeated key becomes a list;
 * text before the first key is an error.
 */
final class CefExtension {

    private CefExtension() {
    }

    static void read(String text, Map<String, Object> fields) throws RecordParseException {
        List<int[]> keys = keyPositions(text);
        int firstKey = keys.isEmpty() ? text.length() : keys.getFirst()[0];
        if (!text.substring(0, firstKey).isBlank()) {
            throw new RecordParseException("extension starts with '" + SyslogParser.abbreviate(text.substring(0, firstKey).strip(), 40)
                    + "', which is not a key=value pair");
        }
        for (int k = 0; k < keys.size(); k++) {
            int[] key = keys.get(k);
            int valueEnd = k + 1 < keys.size() ? keys.get(k + 1)[0] : text.length();
            String value = unescape(text.substring(key[1] + 1, valueEnd).stripTrailing());
            MultiValues.add(fields, text.substring(key[0], key[1]), value);
        }
    }

    /** Start of each key and position of its '='. */
    private static List<int[]> keyPositions(String text) {
        List<int[]> keys = new ArrayList<>();
        for (int eq = 0; eq < text.length(); eq++) {
            if (text.charAt(eq) != '=' || isEscaped(text, eq)) {
                continue;
            }
            int start = eq;
            while (start > 0 && isKeyChar(text.charAt(start - 1))) {
                start--;
            }
            if (start < eq && (start == 0 || Character.isWhitespace(text.charAt(start - 1)))) {
                keys.add(new int[] {start, eq});
            }
        }
        return keys;
    }

    private static boolean isEscaped(String text, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == '-' || c == '[' || c == ']';
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                switch (next) {
                    case '=', '\\', '|' -> out.append(next);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    default -> out.append(c).append(next);
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
