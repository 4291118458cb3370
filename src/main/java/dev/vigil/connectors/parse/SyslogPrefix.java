package dev.vigil.connectors.parse;

import java.util.Map;

/**
 * Reads the syslog header that transports put before a CEF or LEEF record ({@code <134>Sep 19 08:26:10 host CEF:0|...}).
 *
 * <p>Guarantees: adds the header's {@code syslog.*} fields (never its {@code message}) when the prefix is a readable
 * syslog header; a prefix that is not (a vendor's own preamble) adds nothing and does not fail the record, whose
 * raw text is kept anyway.
 */
final class SyslogPrefix {

    private final SyslogParser syslog = new SyslogParser();

    void read(String prefix, ParseContext context, Map<String, Object> fields) {
        if (prefix.isBlank()) {
            return;
        }
        try {
            syslog.parse(prefix.strip(), context).forEach((key, value) -> {
                if (key.startsWith("syslog.")) {
                    fields.put(key, value);
                }
            });
        } catch (RecordParseException e) {
            // not a syslog header: the record itself is still readable
        }
    }
}
