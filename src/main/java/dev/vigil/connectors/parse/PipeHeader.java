package dev.vigil.connectors.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the pipe-delimited header of a CEF or LEEF record, where {@code \|} is a literal pipe and {@code \\} a
 * literal backslash (any other backslash is kept as written).
 *
 * <p>Guarantees: returns exactly {@code count} unescaped fields plus the unsplit remainder after the last of them
 * (empty when the text ends there), or raises {@link RecordParseException} saying how many fields were found.
 */
final class PipeHeader {

    private PipeHeader() {
    }

    /** The header fields and the text after them. */
    record Split(List<String> fields, String rest) {
    }

    /**
     * @param text  the header, starting at its first field
     * @param before how many header fields precede {@code text} (the version), for counts in errors
     * @param count  how many fields the header has after those
     * @param shape  the expected layout, quoted in errors
     */
    static Split split(String text, int before, int count, String shape) throws RecordParseException {
        List<String> fields = new ArrayList<>(count);
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (fields.size() < count) {
            if (i >= text.length()) {
                if (fields.size() == count - 1) {
                    fields.add(field.toString());
                    return new Split(fields, "");
                }
                throw new RecordParseException("header has " + (before + fields.size() + 1) + " of " + (before + count)
                        + " fields; expected " + shape);
            }
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '|' || text.charAt(i + 1) == '\\')) {
                field.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '|') {
                fields.add(field.toString());
                field.setLength(0);
                i++;
            } else {
                field.append(c);
                i++;
            }
        }
        return new Split(fields, text.substring(i));
    }
}
