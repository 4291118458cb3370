package dev.vigil.console.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time expressions analysts type in {@code --since}/{@code --until} and the API's {@code since}/{@code
 * until}: a look-back such as {@code 15m}, {@code 24h}, {@code 7d}, {@code 2w}, an ISO-8601 instant
 * ({@code 2026-11-22T10:00:00Z}), an offset date-time, or a date ({@code 2026-11-22}, meaning its UTC midnight).
 * Pure; bad input raises {@link IllegalArgumentException} listing the accepted forms.
 */
public final class TimeExpressions {

    private static final Pattern LOOK_BACK = Pattern.compile("(\\d{1,6})\\s*(s|m|h|d|w)");

    private TimeExpressions() {
    }

    /** The instant an expression names, relative look-backs counted back from {@code now}; null stays null. */
    public static Instant parse(String expression, Instant now) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        String text = expression.trim();
        Matcher m = LOOK_BACK.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return now.minus(d);
        }
        if (text.equals("now")) {
            return now;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            throw new IllegalArgumentException("cannot read the time '" + text
                    + "': use a look-back like 15m, 24h, 7d, 2w, 'now', an ISO instant like 2026-11-22T10:00:00Z, or a date like 2026-11-22");
        }
    }
}
