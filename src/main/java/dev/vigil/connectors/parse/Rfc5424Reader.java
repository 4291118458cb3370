package dev.vigil.connectors.parse;

import java.util.Map;

/**
 * Reads the part of an RFC 5424 message after {@code <PRI>VERSION }: TIMESTAMP, HOSTNAME, APP-NAME, PROCID, MSGID,
 * STRUCTURED-DATA and the optional MSG (a leading UTF-8 BOM removed).
 *
 * <p>Guarantees: follows the RFC's ABNF: every header field must be present (NILVALUE {@code -} for "unknown"),
 * fractions have at most 6 digits, STRUCTURED-DATA param values honour the escapes {@code \"}, {@code \\} and
 * {@code \]} (any other backslash is kept as written). Errors name the field at fault.
 */
final class Rfc5424Reader {

    private static final String NILVALUE = "-";
    private static final int MAX_FRACTION_DIGITS = 6;

    void read(String text, int from, Map<String, Object> fields) throws RecordParseException {
        int[] at = {from};
        String timestamp = headerField(text, at, "TIMESTAMP");
        if (!NILVALUE.equals(timestamp)) {
            fields.put("syslog.timestamp", Rfc3339Timestamp.parse(timestamp, MAX_FRACTION_DIGITS, "TIMESTAMP").toString());
        }
        putUnlessNil(fields, "syslog.hostname", headerField(text, at, "HOSTNAME"));
        putUnlessNil(fields, "syslog.appname", headerField(text, at, "APP-NAME"));
        putUnlessNil(fields, "syslog.procid", headerField(text, at, "PROCID"));
        putUnlessNil(fields, "syslog.msgid", headerField(text, at, "MSGID"));
        int pos = at[0];
        if (pos >= text.length()) {
            throw new RecordParseException("RFC 5424 message ends before STRUCTURED-DATA (expected '-' or '[')");
        }
        if (text.charAt(pos) == '-') {
            pos++;
        } else if (text.charAt(pos) == '[') {
            pos = readStructuredData(text, pos, fields);
        } else {
            throw new RecordParseException("STRUCTURED-DATA must be '-' or start with '[', found '"
                    + SyslogParser.abbreviate(text.substring(pos), 20) + "'");
        }
        if (pos < text.length()) {
            if (text.charAt(pos) != ' ') {
                throw new RecordParseException("expected a space after STRUCTURED-DATA, found '"
                        + SyslogParser.abbreviate(text.substring(pos), 20) + "'");
            }
            String message = text.substring(pos + 1);
            fields.put("message", message.startsWith("\uFEFF") ? message.substring(1) : message);
        }
    }

    private static String headerField(String text, int[] at, String name) throws RecordParseException {
        int start = at[0];
        int space = text.indexOf(' ', start);
        if (space < 0) {
            throw new RecordParseException("RFC 5424 message ends in or before " + name);
        }
        if (space == start) {
            throw new RecordParseException(name + " is empty (two spaces in the header); use '-' for an unknown value");
        }
        at[0] = space + 1;
        return text.substring(start, space);
    }

    private static void putUnlessNil(Map<String, Object> fields, String key, String value) {
        if (!NILVALUE.equals(value)) {
            fields.put(key, value);
        }
    }

    /** Reads one or more adjacent SD-ELEMENTs starting at '[' and returns the position after the last ']'. */
    private static int readStructuredData(String text, int pos, Map<String, Object> fields) throws RecordParseException {
        while (pos < text.length() && text.charAt(pos) == '[') {
            pos = readElement(text, pos + 1, fields);
        }
        return pos;
    }

    private static int readElement(String text, int pos, Map<String, Object> fields) throws RecordParseException {
        int idStart = pos;
        while (pos < text.length() && text.charAt(pos) != ' ' && text.charAt(pos) != ']') {
            char c = text.charAt(pos);
            if (c == '=' || c == '"') {
                throw new RecordParseException("SD-ID '" + text.substring(idStart, pos + 1) + "' contains '" + c + "'");
            }
            pos++;
        }
        String id = text.substring(idStart, pos);
        if (id.isEmpty()) {
            throw new RecordParseException("STRUCTURED-DATA element at offset " + (idStart - 1) + " has an empty SD-ID");
        }
        while (true) {
            if (pos >= text.length()) {
                throw new RecordParseException("STRUCTURED-DATA element [" + id + "] is not closed by ']'");
            }
            char c = text.charAt(pos);
            if (c == ']') {
                return pos + 1;
            }
            if (c != ' ') {
                throw new RecordParseException("STRUCTURED-DATA element [" + id + "]: expected ' ' or ']' at offset " + pos);
            }
            pos = readParam(text, pos + 1, id, fields);
        }
    }

    private static int readParam(String text, int pos, String id, Map<String, Object> fields) throws RecordParseException {
        int eq = text.indexOf('=', pos);
        if (eq < 0) {
            throw new RecordParseException("STRUCTURED-DATA element [" + id + "]: parameter without '=' at offset " + pos);
        }
        String name = text.substring(pos, eq);
        if (name.isEmpty() || name.contains(" ") || name.contains("]") || name.contains("\"")) {
            throw new RecordParseException("STRUCTURED-DATA element [" + id + "]: invalid PARAM-NAME '" + name + "'");
        }
        if (eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
            throw new RecordParseException("STRUCTURED-DATA param " + id + "." + name + " value must start with '\"'");
        }
        StringBuilder value = new StringBuilder();
        int i = eq + 2;
        while (true) {
            if (i >= text.length()) {
                throw new RecordParseException("STRUCTURED-DATA param " + id + "." + name + " has no closing '\"'");
            }
            char c = text.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' && i + 1 < text.length() && "\"\\]".indexOf(text.charAt(i + 1)) >= 0) {
                value.append(text.charAt(i + 1));
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        MultiValues.add(fields, "syslog.sd." + id + "." + name, value.toString());
        return i + 1;
    }
}
