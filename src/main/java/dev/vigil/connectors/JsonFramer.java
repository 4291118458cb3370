package dev.vigil.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON framing: cuts a stream of JSON values into records, whatever the layout — NDJSON, pretty-printed objects
 * spanning lines, several values on one line, or top-level arrays (each element is a record). With a records path
 * ({@code Records} for CloudTrail) an object holding an array under that key yields the array's elements instead.
 *
 * <p>Guarantees: the scanner tracks strings and escapes, so braces inside strings do not confuse it; text that is not
 * JSON is never dropped — the rest of its line becomes a record of its own, which the parser then reports. Stateful:
 * one instance per stream; {@link #needsReplayOnResume()} is false because a resumed stream restarts at a record boundary.
 */
final class JsonFramer implements RecordFramer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String recordsPath;
    private final StringBuilder value = new StringBuilder();
    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean inTopArray;
    private int startLine;

    JsonFramer(String recordsPath) {
        this.recordsPath = recordsPath;
    }

    @Override
    public List<Framed> frame(String line, int lineNumber) {
        String text = PlainLineFramer.stripCarriageReturn(line);
        List<Framed> out = new ArrayList<>();
        if (depth > 0) {
            value.append('\n');
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth > 0) {
                value.append(c);
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    emit(out);
                }
            } else if (Character.isWhitespace(c) || (inTopArray && c == ',')) {
                continue;
            } else if (c == '[' && !inTopArray) {
                inTopArray = true;
            } else if (c == ']' && inTopArray) {
                inTopArray = false;
            } else if (c == '{' || c == '[') {
                depth = 1;
                startLine = lineNumber;
                value.setLength(0);
                value.append(c);
            } else {
                int end = inTopArray ? scalarEnd(text, i) : text.length();
                out.add(new Framed(lineNumber, text.substring(i, end).strip()));
                i = end - 1;
            }
        }
        return out;
    }

    @Override
    public List<Framed> finish() {
        if (depth == 0) {
            return List.of();
        }
        Framed unterminated = new Framed(startLine, value.toString());
        depth = 0;
        inString = false;
        escaped = false;
        value.setLength(0);
        return List.of(unterminated);
    }

    private static int scalarEnd(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != ',' && text.charAt(end) != ']') {
            end++;
        }
        return end;
    }

    private void emit(List<Framed> out) {
        String text = value.toString();
        value.setLength(0);
        if (recordsPath != null && text.charAt(0) == '{') {
            try {
                JsonNode records = MAPPER.readTree(text).get(recordsPath);
                if (records != null && records.isArray()) {
                    for (JsonNode record : records) {
                        out.add(new Framed(startLine, record.toString()));
                    }
                    return;
                }
            } catch (JsonProcessingException e) {
                // Not valid JSON: kept whole below, so the parser reports why.
            }
        }
        out.add(new Framed(startLine, text));
    }
}
