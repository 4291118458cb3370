package dev.vigil.connectors.parse;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BSD syslog timestamps ({@code Mmm dd hh:mm:ss}, RFC 3164 section 4.1.2), which carry neither year nor zone.
 *
 * <p>Guarantees: the zone is the one in {@link ParseContext#zone()}; the year, when the timestamp has none, is the one
 * that puts the event closest before its receipt, allowing senders' clocks to run at most one day ahead: a December
 * message received on 1 January belongs to the previous year, a 1 January message received on 31 December to the next.
 * Also accepted, because real senders emit them: a one-digit or zero-padded day, a fraction of a second, and a
 * four-digit year before the time ({@code Mmm dd yyyy hh:mm:ss}, Cisco).
 */
final class BsdTimestamp {

    private static final List<String> MONTHS = List.of(
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    private static final Pattern SHAPE = Pattern.compile(
            "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\\d{1,2}) (?:(\\d{4}) )?"
                    + "(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?= |$)");

    /** How far ahead of the receive time a sender's clock may be before the event is placed in the previous year. */
    static final Duration MAX_CLOCK_AHEAD = Duration.ofDays(1);

    private BsdTimestamp() {
    }

    /** A timestamp found at the start of a text: the instant and how many characters it took. */
    record Found(Instant instant, int length) {
    }

    /**
     * Reads a BSD timestamp at {@code from}, or returns null when the text does not start with one.
     *
     * @throws RecordParseException when it has the shape of one but names an impossible date or time
     */
    static Found find(String text, int from, ParseContext context) throws RecordParseException {
        Matcher m = SHAPE.matcher(text).region(from, text.length());
        if (!m.lookingAt()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(1)) + 1;
        int day = Integer.parseInt(m.group(2));
        String fraction = m.group(7);
        LocalTime time;
        try {
            time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9)));
        } catch (DateTimeException e) {
            throw new RecordParseException("timestamp '" + m.group() + "' has an invalid time of day: " + e.getMessage(), e);
        }
        Instant instant = m.group(3) != null
                ? inYear(Integer.parseInt(m.group(3)), month, day, time, context, m.group())
                : inferYear(month, day, time, context, m.group());
        return new Found(instant, m.end() - from);
    }

    private static Instant inYear(int year, int month, int day, LocalTime time, ParseContext context, String text)
            throws RecordParseException {
        try {
            return ZonedDateTime.of(LocalDate.of(year, month, day), time, context.zone()).toInstant();
        } catch (DateTimeException e) {
            throw new RecordParseException("timestamp '" + text + "' is not a valid date: " + e.getMessage(), e);
        }
    }

    private static Instant inferYear(int month, int day, LocalTime time, ParseContext context, String text)
            throws RecordParseException {
        Instant latestAllowed = context.receivedAt().plus(MAX_CLOCK_AHEAD);
        int receivedYear = context.receivedAt().atZone(context.zone()).getYear();
        Instant best = null;
        for (int year = receivedYear + 1; year >= receivedYear - 4 && best == null; year--) {
            try {
                Instant candidate = ZonedDateTime.of(LocalDate.of(year, month, day), time, context.zone()).toInstant();
                if (!candidate.isAfter(latestAllowed)) {
                    best = candidate;
                }
            } catch (DateTimeException e) {
                // this year has no such day (29 February); an earlier year may
            }
        }
        if (best == null) {
            throw new RecordParseException("timestamp '" + text + "' names a day that does not exist");
        }
        return best;
    }
}
