package dev.vigil.simulate;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Timestamp renderings of the real formats, from microseconds since the epoch (UTC). */
final class Ts {

    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private Ts() {
    }

    /** {@code 2026-01-05T10:15:01.123Z} */
    static String isoMillis(long micros) {
        return dateTime(micros, 'T').append('.').append(pad(micros / 1000 % 1000, 3)).append('Z').toString();
    }

    /** {@code 2026-01-05T10:15:01Z} (CloudTrail). */
    static String isoSeconds(long micros) {
        return dateTime(micros, 'T').append('Z').toString();
    }

    /** {@code 2026-01-05T10:15:01.123456+0000} (Suricata). */
    static String suricata(long micros) {
        return dateTime(micros, 'T').append('.').append(pad(Math.floorMod(micros, 1_000_000L), 6)).append("+0000").toString();
    }

    /** {@code 2026-01-05 10:15:01.123} (Sysmon UtcTime). */
    static String sysmon(long micros) {
        return dateTime(micros, ' ').append('.').append(pad(micros / 1000 % 1000, 3)).toString();
    }

    /** {@code 1767607501.123456} (Zeek ts). */
    static String epochMicros(long micros) {
        return Math.floorDiv(micros, 1_000_000L) + "." + pad(Math.floorMod(micros, 1_000_000L), 6);
    }

    /** {@code 1767607501.123} (audit). */
    static String epochMillis(long micros) {
        return Math.floorDiv(micros, 1_000_000L) + "." + pad(Math.floorMod(micros, 1_000_000L) / 1000, 3);
    }

    /** {@code Jan  5 10:15:01} (BSD syslog). */
    static String syslog(long micros) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(15).append(MONTHS[t.getMonthValue() - 1]).append(' ');
        if (t.getDayOfMonth() < 10) {
            sb.append(' ');
        }
        sb.append(t.getDayOfMonth()).append(' ');
        return time(sb, t).toString();
    }

    private static StringBuilder dateTime(long micros, char sep) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(32).append(t.getYear()).append('-').append(pad(t.getMonthValue(), 2))
                .append('-').append(pad(t.getDayOfMonth(), 2)).append(sep);
        return time(sb, t);
    }

    private static StringBuilder time(StringBuilder sb, LocalDateTime t) {
        return sb.append(pad(t.getHour(), 2)).append(':').append(pad(t.getMinute(), 2)).append(':')
                .append(pad(t.getSecond(), 2));
    }

    static String pad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
