package dev.vigil.connectors.parse;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the part of a BSD syslog line after the optional PRI: TIMESTAMP, HOSTNAME, TAG and content.
 *
 * <p>Guarantees: never refuses a line for lacking a part. The timestamp may be BSD ({@code Mmm dd hh:mm:ss}, see
 * {@link BsdTimestamp}) or RFC 3339 (rsyslog's high-precision format); without one, the line has no hostname either
 * (RFC 3164 section 4.3.3) and only a TAG is looked for. The word after the timestamp is the hostname unless it is
 * shaped like a TAG ({@code name:} or {@code name[pid]:}), which is how senders that omit the hostname are recognised.
 * A TAG gives {@code syslog.appname} and, with {@code [pid]}, {@code syslog.procid}; the content after it (or the whole
 * rest when there is no TAG) is {@code message}.
 */
final class Rfc3164Reader {

    /** name, optional [pid], then ':' or (after [pid]) a space; the name has no space, '[' or ':'. */
    private static final Pattern TAG = Pattern.compile("([^\\s\\[\\]:]+)(?:\\[([^\\]\\s]*)\\])?(:|(?<=\\]))(?: |$)");

    private static final int MAX_RFC3339_FRACTION_DIGITS = 9;

    void read(String text, int from, ParseContext context, Map<String, Object> fields) throws RecordParseException {
        int pos = from;
        boolean timestamped = false;
        if (Rfc3339Timestamp.looksLikeOne(text, pos)) {
            int end = wordEnd(text, pos);
            fields.put("syslog.timestamp",
                    Rfc3339Timestamp.parse(text.substring(pos, end), MAX_RFC3339_FRACTION_DIGITS, "timestamp").toString());
            pos = end;
            timestamped = true;
        } else {
            BsdTimestamp.Found found = BsdTimestamp.find(text, pos, context);
            if (found != null) {
                fields.put("syslog.timestamp", found.instant().toString());
                pos += found.length();
                timestamped = true;
            }
        }
        if (timestamped) {
            pos = skipSpaces(text, pos);
            int end = wordEnd(text, pos);
            if (end > pos && !TAG.matcher(text).region(pos, text.length()).lookingAt()) {
                fields.put("syslog.hostname", text.substring(pos, end));
                pos = skipSpaces(text, end);
            }
        }
        Matcher tag = TAG.matcher(text).region(pos, text.length());
        if (tag.lookingAt()) {
            fields.put("syslog.appname", tag.group(1));
            if (tag.group(2) != null && !tag.group(2).isEmpty()) {
                fields.put("syslog.procid", tag.group(2));
            }
            pos = tag.end();
        }
        fields.put("message", text.substring(pos));
    }

    private static int wordEnd(String text, int pos) {
        int end = pos;
        while (end < text.length() && text.charAt(end) != ' ') {
            end++;
        }
        return end;
    }

    private static int skipSpaces(String text, int pos) {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
        return pos;
    }
}
