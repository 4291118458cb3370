package dev.vigil.detect.alert;

import java.util.Locale;

/** An analyst's conclusion when closing an alert. */
public enum Verdict {
    /** Malicious or policy-violating activity. */
    TRUE_POSITIVE,
    /** The rule was right about the activity, but it is expected here (an admin's legitimate use). */
    BENIGN_POSITIVE,
    /** The rule was wrong about the activity. */
    FALSE_POSITIVE;

    /** Reads {@code true_positive}/{@code tp}, {@code benign_positive}/{@code bp}/{@code benign}, {@code false_positive}/{@code fp}. */
    public static Verdict parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "true_positive", "tp" -> TRUE_POSITIVE;
            case "benign_positive", "bp", "benign" -> BENIGN_POSITIVE;
            case "false_positive", "fp" -> FALSE_POSITIVE;
            default -> throw new IllegalArgumentException("unknown verdict '" + text
                    + "': use true_positive (tp), benign_positive (bp) or false_positive (fp)");
        };
    }
}
