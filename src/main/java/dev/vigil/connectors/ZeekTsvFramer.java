package dev.vigil.connectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zeek TSV framing: remembers the {@code #separator}, {@code #set_separator}, {@code #empty_field},
 * {@code #unset_field}, {@code #path}, {@code #fields} and {@code #types} headers and prefixes each data line with
 * them, so every record parses alone (see {@code ZeekTsvParser}). A new header block (log rotation, concatenated files)
 * replaces the old one. Guarantees: header and blank lines yield no record; data lines are never dropped.
 * {@link #needsReplayOnResume()} is true: a resumed stream must replay its header lines first.
 */
final class ZeekTsvFramer implements RecordFramer {

    private static final List<String> CARRIED = List.of("#separator", "#set_separator", "#empty_field",
            "#unset_field", "#path", "#fields", "#types");

    private final Map<String, String> headers = new LinkedHashMap<>();
    private String prefix = "";

    @Override
    public List<Framed> frame(String line, int lineNumber) {
        String text = PlainLineFramer.stripCarriageReturn(line);
        if (text.isBlank()) {
            return List.of();
        }
        if (text.startsWith("#")) {
            String name = headerName(text);
            if (CARRIED.contains(name)) {
                headers.put(name, text);
                prefix = buildPrefix();
            }
            return List.of();
        }
        return List.of(new Framed(lineNumber, prefix + text));
    }

    @Override
    public List<Framed> finish() {
        return List.of();
    }

    @Override
    public boolean needsReplayOnResume() {
        return true;
    }

    private static String headerName(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '\t'
                && !line.startsWith("\\x", end)) {
            end++;
        }
        return line.substring(0, end);
    }

    private String buildPrefix() {
        List<String> lines = new ArrayList<>();
        for (String name : CARRIED) {
            String header = headers.get(name);
            if (header != null) {
                lines.add(header);
            }
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
