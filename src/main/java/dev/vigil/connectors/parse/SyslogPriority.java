package dev.vigil.connectors.parse;

import java.util.List;

/**
 * A syslog PRI value (RFC 5424 section 6.2.1, RFC 3164 section 4.1.1): facility times eight plus severity.
 *
 * <p>Guarantees: the value is always within 0-191, so {@link #facility()} is 0-23 and {@link #severity()} is 0-7,
 * and both always have a name (the keywords syslog.conf and rsyslog use).
 *
 * @param value the PRI number as it appears between the angle brackets
 */
public record SyslogPriority(int value) {

    private static final List<String> FACILITIES = List.of(
            "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
            "ntp", "audit", "alert", "clock", "local0", "local1", "local2", "local3", "local4", "local5", "local6",
            "local7");

    private static final List<String> SEVERITIES = List.of(
            "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");

    /** The largest valid PRI: facility 23 (local7), severity 7 (debug). */
    public static final int MAX = 191;

    public SyslogPriority {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("PRI <" + value + "> out of range 0-" + MAX);
        }
    }

    /** The facility code, 0-23. */
    public int facility() {
        return value >> 3;
    }

    /** The severity code, 0 (emergency) to 7 (debug). */
    public int severity() {
        return value & 7;
    }

    /** The facility keyword, for example {@code auth} for 4 or {@code local0} for 16. */
    public String facilityName() {
        return FACILITIES.get(facility());
    }

    /** The severity keyword, for example {@code err} for 3 or {@code info} for 6. */
    public String severityName() {
        return SEVERITIES.get(severity());
    }
}
