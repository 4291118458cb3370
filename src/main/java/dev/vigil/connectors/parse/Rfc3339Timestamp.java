package dev.vigil.connectors.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RFC 3339 timestamps ({@code 2003-08-24T05:14:15.000003-07:00}) as used by RFC 5424 and by rsyslog's
 * high-precision file format.
 *
 * <p>Guarantees: a full date, time and offset are required (a zone-less time is ambiguous and is rejected); the
 * fraction may have at most the given number of digits; any failure raises {@link RecordParseException} quoting the text.
 */
final class Rfc3339Timestamp {

    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?([Zz]|[+-]\\d{2}:?\\d{2})");

    private Rfc3339Timestamp() {
    }

    /** True when the text starts like an RFC 3339 date-time ({@code yyyy-mm-ddT}). */
    static boolean looksLikeOne(String text, int from) {
        return text.length() >= from + 11
                && text.charAt(from + 4) == '-' && text.charAt(from + 7) == '-'
                && (text.charAt(from + 10) == 'T' || text.charAt(from + 10) == 't')
                && Character.isDigit(text.charAt(from)) && Character.isDigit(text.charAt(from + 3));
    }

    /**
     * Parses one timestamp.
     *
     * @param text              the whole timestamp token
     * @param maxFractionDigits the most fraction digits accepted (RFC 5424 allows 6; at most 9 are meaningful)
     * @param what              the field's name for error messages
     */
    static Instant parse(String text, int maxFractionDigits, String what) throws RecordParseException {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new RecordParseException(what + " '" + text + "' is not an RFC 3339 date-time (yyyy-mm-ddThh:mm:ss[.frac](Z|+hh:mm))");
        }
        String fraction = m.group(7);
        if (fraction != null && fraction.length() > maxFractionDigits) {
            throw new RecordParseException(what + " '" + text + "' has " + fraction.length()
                    + " fraction digits; at most " + maxFractionDigits + " are allowed");
        }
        int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        try {
            return OffsetDateTime.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    nanos, offset(m.group(8))).toInstant();
        } catch (DateTimeException e) {
            throw new RecordParseException(what + " '" + text + "' is not a valid date-time: " + e.getMessage(), e);
        }
    }

    private static ZoneOffset offset(String text) {
        if (text.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = text.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = Integer.parseInt(digits.substring(3, 5));
        return text.charAt(0) == '-'
                ? ZoneOffset.ofHoursMinutes(-hours, -minutes)
                : ZoneOffset.ofHoursMinutes(hours, minutes);
    }
}
