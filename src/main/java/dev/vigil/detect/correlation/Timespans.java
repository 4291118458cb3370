package dev.vigil.detect.correlation;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a correlation {@code timespan}: a positive whole number followed by a lower-case unit, {@code s}, {@code m},
 * {@code h} or {@code d}, as the specification defines ({@code 90m}). Pure.
 */
final class Timespans {

    /** Longest window accepted: state is kept for a whole window, so a year-long one would only exhaust the bounds. */
    static final Duration LONGEST = Duration.ofDays(366);

    private static final Pattern FORM = Pattern.compile("([0-9]+)([a-zA-Z]+)");

    private Timespans() {
    }

    /** The duration, or an {@link IllegalArgumentException} whose message says what is wrong with the text. */
    static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("timespan '" + text + "' is not a positive number followed by s, m, h or d (e.g. 90m)");
        }
        String unit = m.group(2);
        Duration one = switch (unit) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> throw new IllegalArgumentException("timespan '" + text + "' has unit '" + unit
                    + "': the specification defines only s, m, h and d (lower case), e.g. 7d for a week");
        };
        String digits = m.group(1).replaceFirst("^0+(?=.)", "");
        if (digits.equals("0")) {
            throw new IllegalArgumentException("timespan '" + text + "' is zero: a window must be at least 1s");
        }
        if (digits.length() > 9 || one.multipliedBy(Long.parseLong(digits)).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("timespan '" + text + "' is longer than the longest window, 366d");
        }
        return one.multipliedBy(Long.parseLong(digits));
    }
}
