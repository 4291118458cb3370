package dev.vigil.audit;

import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Decodes a trail line that is exactly in {@link AuditCanonicalForm}: the twelve fields in their fixed order, strings
 * escaped only as the canonical form escapes them, no white space. Pure and allocation-light, because verifying a
 * million entries is mostly decoding them.
 *
 * <p>Guarantees: returns an entry only for a line in canonical form, and then the same entry a general JSON parser
 * would read; for anything else (valid JSON in another form included) it returns empty and the caller falls back to
 * {@link AuditLines#parse}, which names the problem. It never accepts a line the general parser would reject.
 */
final class CanonicalLineDecoder {

    private final String line;
    private int pos;

    private CanonicalLineDecoder(String line) {
        this.line = line;
    }

    /** The entry, when the line is in canonical form. */
    static Optional<AuditEntry> decode(String line) {
        return Optional.ofNullable(new CanonicalLineDecoder(line).entry());
    }

    private AuditEntry entry() {
        if (!literal("{\"seq\":")) {
            return null;
        }
        long seq = number();
        String time = field(",\"time\":");
        String actor = field(",\"actor\":");
        String role = field(",\"role\":");
        String tenant = field(",\"tenant\":");
        String action = field(",\"action\":");
        String object = field(",\"object\":");
        String policy = field(",\"policy\":");
        String before = field(",\"before\":");
        String after = field(",\"after\":");
        String prev = field(",\"prev\":");
        String hash = field(",\"hash\":");
        if (seq < 0 || hash == null || !literal("}") || pos != line.length()) {
            return null;
        }
        try {
            return new AuditEntry(seq, instant(time), actor, role, TenantId.of(tenant), action, object, policy,
                    before, after, prev, hash);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null; // the general parser names the problem
        }
    }

    /**
     * Reads {@code Instant.toString()}'s form ({@code 2026-11-23T10:15:30[.fraction]Z}) without the general
     * formatter, which dominates decoding otherwise; anything else goes to {@link Instant#parse}.
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z'
                && (n == 20 || text.charAt(19) == '.')) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int fraction = n == 20 ? 0 : digits(text, 20, n - 1);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && fraction >= 0) {
                try {
                    long nanos = fraction * (long) Math.pow(10, 9 - (n - 21));
                    return java.time.LocalDateTime.of(year, month, day, hour, minute, second, (int) nanos)
                            .toInstant(java.time.ZoneOffset.UTC);
                } catch (java.time.DateTimeException ignored) {
                    // not a valid date: the general parser decides
                }
            }
        }
        return Instant.parse(text);
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private boolean literal(String expected) {
        if (pos < 0 || !line.startsWith(expected, pos)) {
            pos = -1;
            return false;
        }
        pos += expected.length();
        return true;
    }

    private long number() {
        if (pos < 0) {
            return -1;
        }
        int start = pos;
        long value = 0;
        while (pos < line.length() && line.charAt(pos) >= '0' && line.charAt(pos) <= '9') {
            if (pos - start >= 18) {
                pos = -1;
                return -1;
            }
            value = value * 10 + (line.charAt(pos++) - '0');
        }
        if (pos == start || (line.charAt(start) == '0' && pos - start > 1)) {
            pos = -1;
            return -1;
        }
        return value;
    }

    private String field(String name) {
        if (!literal(name) || !literal("\"")) {
            return null;
        }
        StringBuilder out = null;
        int start = pos;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == '"') {
                String value = out == null ? line.substring(start, pos) : out.append(line, start, pos).toString();
                pos++;
                return value;
            }
            if (c < 0x20) {
                pos = -1;
                return null;
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(line, start, pos);
            if (pos + 1 >= line.length()) {
                pos = -1;
                return null;
            }
            char escaped = line.charAt(pos + 1);
            if (escaped == '"' || escaped == '\\') {
                out.append(escaped);
                pos += 2;
            } else if (escaped == 'u' && pos + 6 <= line.length()) {
                int code = hex(line, pos + 2);
                if (code < 0 || code >= 0x20) { // the canonical form escapes only control characters this way
                    pos = -1;
                    return null;
                }
                out.append((char) code);
                pos += 6;
            } else {
                pos = -1;
                return null;
            }
            start = pos;
        }
        pos = -1;
        return null;
    }

    private static int hex(String s, int at) {
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0 || Character.isUpperCase(s.charAt(i))) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }
}
