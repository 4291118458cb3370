package dev.vigil.analyst.anomaly;

import java.time.Duration;
import java.util.Locale;

/** Numbers and durations in the plain words of anomaly explanations ("4,812 events", "12 days ago"). Pure. */
final class Plain {

    private Plain() {
    }

    /** "1 source", "3 sources", "4,812 events". */
    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** A whole number with thousands separators: "4,812". */
    static String number(double n) {
        return String.format(Locale.ROOT, "%,d", Math.round(n));
    }

    /** A duration in its largest whole unit: "10 minutes", "1 hour", "12 days", "30 seconds". */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 86_400 && s % 86_400 == 0 || s >= 2 * 86_400) {
            return count(s / 86_400, "day");
        }
        if (s >= 3_600 && s % 3_600 == 0 || s >= 2 * 3_600) {
            return count(s / 3_600, "hour");
        }
        if (s >= 60) {
            return count(s / 60, "minute");
        }
        return count(s, "second");
    }

    /** "12 days ago", "3 hours ago", "moments ago" (under a minute). */
    static String ago(Duration d) {
        return d.toSeconds() < 60 ? "moments ago" : duration(d) + " ago";
    }
}
