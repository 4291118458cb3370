package dev.vigil.connectors.parse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one syslog message in either RFC 5424 or RFC 3164 (BSD) form, including the forms real senders emit:
 * no PRI (lines of a local file such as {@code /var/log/auth.log}), an RFC 3339 timestamp in a BSD-shaped line
 * (rsyslog's high-precision format), no hostname, no timestamp.
 *
 * <p>Output fields, all flat: {@code syslog.format} ({@code rfc5424} or {@code rfc3164}); when a PRI is present
 * {@code syslog.priority}, {@code syslog.facility}, {@code syslog.severity} (numbers) and
 * {@code syslog.facility_name}, {@code syslog.severity_name}; {@code syslog.version} (RFC 5424);
 * {@code syslog.timestamp} (ISO-8601 instant); {@code syslog.hostname}, {@code syslog.appname}, {@code syslog.procid},
 * {@code syslog.msgid}; {@code syslog.sd.<SD-ID>.<PARAM-NAME>} for every structured-data parameter (a list when a
 * parameter repeats); and {@code message}. A header field that is absent or NILVALUE ({@code -}) is left out, never
 * stored as {@code "-"}.
 *
 * <p>Guarantees: a line that starts with {@code <} must carry a valid PRI (0-191); a line that declares RFC 5424
 * (PRI immediately followed by a version number) must follow RFC 5424 strictly; any other text is read as RFC 3164,
 * which accepts every line, so a message is never refused merely for lacking a header. Errors name the part at fault.
 */
public final class SyslogParser implements RecordParser {

    private final Rfc5424Reader rfc5424 = new Rfc5424Reader();
    private final Rfc3164Reader rfc3164 = new Rfc3164Reader();

    @Override
    public Map<String, Object> parse(String payload, ParseContext context) throws RecordParseException {
        String text = trimLineEnd(payload);
        if (text.isBlank()) {
            throw new RecordParseException("empty syslog message");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        int at = 0;
        if (text.charAt(0) == '<') {
            at = readPriority(text, fields);
        }
        int versionEnd = versionEnd(text, at);
        if (at > 0 && versionEnd > 0) {
            fields.put("syslog.format", "rfc5424");
            fields.put("syslog.version", Long.parseLong(text.substring(at, versionEnd)));
            rfc5424.read(text, versionEnd + 1, fields);
        } else {
            fields.put("syslog.format", "rfc3164");
            rfc3164.read(text, at, context, fields);
        }
        return fields;
    }

    private static int readPriority(String text, Map<String, Object> fields) throws RecordParseException {
        int close = text.indexOf('>');
        if (close < 0 || close > 5) {
            throw new RecordParseException("PRI '" + abbreviate(text, 8) + "' is not closed by '>' within 3 digits");
        }
        String digits = text.substring(1, close);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RecordParseException("PRI <" + digits + "> is not a number");
        }
        int value = Integer.parseInt(digits);
        if (value > SyslogPriority.MAX) {
            throw new RecordParseException("PRI <" + digits + "> out of range 0-" + SyslogPriority.MAX);
        }
        SyslogPriority priority = new SyslogPriority(value);
        fields.put("syslog.priority", (long) priority.value());
        fields.put("syslog.facility", (long) priority.facility());
        fields.put("syslog.severity", (long) priority.severity());
        fields.put("syslog.facility_name", priority.facilityName());
        fields.put("syslog.severity_name", priority.severityName());
        return close + 1;
    }

    /** Where an RFC 5424 VERSION (1-3 digits, no leading zero, then a space) starting at {@code at} ends, or -1. */
    private static int versionEnd(String text, int at) {
        int end = at;
        while (end < text.length() && end - at < 3 && Character.isDigit(text.charAt(end))) {
            end++;
        }
        boolean version = end > at && text.charAt(at) != '0' && end < text.length() && text.charAt(end) == ' ';
        return version ? end : -1;
    }

    private static String trimLineEnd(String payload) {
        int end = payload.length();
        while (end > 0 && (payload.charAt(end - 1) == '\n' || payload.charAt(end - 1) == '\r' || payload.charAt(end - 1) == '\0')) {
            end--;
        }
        return payload.substring(0, end);
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
