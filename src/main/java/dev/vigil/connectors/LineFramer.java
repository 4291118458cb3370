package dev.vigil.connectors;

import java.util.List;

/**
 * Turns the lines of one stream (a tailed file, one TCP connection) into the payloads to spool, one event each.
 *
 * <p>A framer is stateful and belongs to exactly one stream. Most connectors spool each non-blank line as it is; a
 * connector whose lines depend on earlier header lines (Zeek TSV's {@code #fields}) carries that context into each
 * payload so that the payload can be parsed alone after a restart. To resume a stream at an offset, feed the lines
 * before the offset through {@link #accept} and discard the results; {@link #needsReplayOnResume()} says whether
 * that is necessary.
 */
public interface LineFramer {

    /**
     * Accepts the next line (without its line terminator).
     *
     * @return the payload to spool for this line, or {@code null} when the line carries no event (blank, or a header)
     */
    String accept(String line);

    /**
     * Accepts the next line and returns every payload it completes, in order: empty for a blank or header line,
     * several when one line closes several records (a one-line JSON array). Framers that can complete more than one
     * record per line ({@code json}) must be read through this method.
     */
    default List<String> acceptAll(String line) {
        String payload = accept(line);
        return payload == null ? List.of() : List.of(payload);
    }

    /** True when the framer's output depends on earlier lines, so a resumed stream must replay them first. */
    default boolean needsReplayOnResume() {
        return false;
    }
}
