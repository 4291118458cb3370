package dev.vigil.connectors;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the event time of a record from a field value, in the forms log sources write it.
 *
 * <p>Accepted: ISO-8601 date-times with {@code T} or a space between date and time, with or without a fraction of
 * 1 to 9 digits, with {@code Z}, {@code +hh:mm}, {@code +hhmm} or {@code +hh}, or without a zone (then read in the
 * given zone) — which covers Windows {@code SystemTime} ({@code 2025-11-27T07:40:10.1653240Z}); and epoch numbers
 * (a {@link Long}, {@link Double} or numeric text, with or without a fraction) read as seconds, or as milliseconds
 * when above 10^11 (later than the year 5138 in seconds). Guarantees: pure, never throws; anything else is empty.
 */
public final class Timestamps {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*([Zz]|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,16}(?:\\.\\d{1,9})?");
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Timestamps() {
    }

    /** The instant a value denotes, reading zone-less text in {@code zone}; empty when it is not a timestamp. */
    public static Optional<Instant> parse(Object value, ZoneId zone) {
        try {
            return switch (value) {
                case Long number -> Optional.of(fromEpoch(BigDecimal.valueOf(number)));
                case Double number -> Optional.of(fromEpoch(BigDecimal.valueOf(number)));
                case String text -> parseText(text.strip(), zone);
                case null, default -> Optional.empty();
            };
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> parseText(String text, ZoneId zone) {
        Matcher iso = ISO.matcher(text);
        if (iso.matches()) {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)), Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
                    iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)), nanos(iso.group(7)));
            String offset = iso.group(8);
            if (offset == null) {
                return Optional.of(local.atZone(zone).toInstant());
            }
            return Optional.of(OffsetDateTime.of(local, java.time.ZoneOffset.of(normaliseOffset(offset))).toInstant());
        }
        if (EPOCH.matcher(text).matches()) {
            return Optional.of(fromEpoch(new BigDecimal(text)));
        }
        return Optional.empty();
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt(fraction + "0".repeat(9 - fraction.length()));
    }

    private static String normaliseOffset(String offset) {
        if (offset.equalsIgnoreCase("z")) {
            return "Z";
        }
        if (offset.length() == 3) {
            return offset + ":00";
        }
        return offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
    }

    private static Instant fromEpoch(BigDecimal number) {
        BigDecimal seconds = number.abs().compareTo(BigDecimal.valueOf(MILLIS_THRESHOLD)) >= 0
                ? number.movePointLeft(3) : number;
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }
}
