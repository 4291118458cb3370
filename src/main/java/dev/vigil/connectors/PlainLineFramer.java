package dev.vigil.connectors;

import java.util.List;

/** Line framing: every non-blank line is one record, its line terminator removed. Stateless. */
final class PlainLineFramer implements RecordFramer {

    @Override
    public List<Framed> frame(String line, int lineNumber) {
        String text = stripCarriageReturn(line);
        return text.isBlank() ? List.of() : List.of(new Framed(lineNumber, text));
    }

    @Override
    public List<Framed> finish() {
        return List.of();
    }

    static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
