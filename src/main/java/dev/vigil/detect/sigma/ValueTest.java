package dev.vigil.detect.sigma;

import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A compiled test of one event value against one rule value. Pure and thread-safe.
 */
public sealed interface ValueTest {

    /**
     * Tests a value.
     *
     * @param original the event value as text
     * @param lower    the same, lower-cased with {@link Locale#ROOT}
     */
    boolean test(String original, String lower);

    /**
     * A lower-case text that every value passing this test contains, for the prefilter; null when there is none
     * worth using (regular expressions, numbers, networks).
     */
    String requiredLiteral();

    /** True when {@link #requiredLiteral()} must equal a whole value rather than occur within one. */
    default boolean exact() {
        return false;
    }

    /** Shortest literal the prefilter uses; shorter ones would admit nearly every event. */
    int MIN_LITERAL = 3;

    /** Compiles a Sigma string (after its modifiers) into the cheapest test that decides it. */
    static ValueTest of(SigmaString value, boolean cased) {
        List<SigmaString.Part> parts = value.parts();
        String required = value.longestLiteral().toLowerCase(Locale.ROOT);
        String literal = required.length() >= MIN_LITERAL ? required : null;
        if (!value.hasWildcards()) {
            return new Equals(value.plain(), cased, value.plain().toLowerCase(Locale.ROOT));
        }
        if (parts.size() == 2 && parts.get(1) == SigmaString.Wildcard.ANY && parts.getFirst() instanceof SigmaString.Literal(String t)) {
            return new StartsWith(cased ? t : t.toLowerCase(Locale.ROOT), cased, literal);
        }
        if (parts.size() == 2 && parts.getFirst() == SigmaString.Wildcard.ANY && parts.get(1) instanceof SigmaString.Literal(String t)) {
            return new EndsWith(cased ? t : t.toLowerCase(Locale.ROOT), cased, literal);
        }
        if (parts.size() == 3 && parts.getFirst() == SigmaString.Wildcard.ANY && parts.get(2) == SigmaString.Wildcard.ANY
                && parts.get(1) instanceof SigmaString.Literal(String t)) {
            return new Contains(cased ? t : t.toLowerCase(Locale.ROOT), cased, literal);
        }
        if (parts.size() == 1 && parts.getFirst() == SigmaString.Wildcard.ANY) {
            return new Glob(Pattern.compile("(?s).*"), cased, null);
        }
        StringBuilder regex = new StringBuilder("(?s)");
        for (SigmaString.Part part : parts) {
            switch (part) {
                case SigmaString.Literal(String t) -> regex.append(Pattern.quote(cased ? t : t.toLowerCase(Locale.ROOT)));
                case SigmaString.Wildcard w -> regex.append(w == SigmaString.Wildcard.ANY ? ".*" : ".");
            }
        }
        return new Glob(Pattern.compile(regex.toString()), cased, literal);
    }

    /** The whole value equals the text; the prefilter looks it up exactly. */
    record Equals(String text, boolean cased, String requiredLiteral) implements ValueTest {
        public Equals {
            text = cased ? text : text.toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean exact() {
            return true;
        }

        @Override
        public boolean test(String original, String lower) {
            return (cased ? original : lower).equals(text);
        }
    }

    /** The value starts with the text. */
    record StartsWith(String text, boolean cased, String requiredLiteral) implements ValueTest {
        @Override
        public boolean test(String original, String lower) {
            return (cased ? original : lower).startsWith(text);
        }
    }

    /** The value ends with the text. */
    record EndsWith(String text, boolean cased, String requiredLiteral) implements ValueTest {
        @Override
        public boolean test(String original, String lower) {
            return (cased ? original : lower).endsWith(text);
        }
    }

    /** The value contains the text. */
    record Contains(String text, boolean cased, String requiredLiteral) implements ValueTest {
        @Override
        public boolean test(String original, String lower) {
            return (cased ? original : lower).contains(text);
        }
    }

    /** A value with inner wildcards, matched as a whole by a regular expression built from it. */
    record Glob(Pattern pattern, boolean cased, String requiredLiteral) implements ValueTest {
        @Override
        public boolean test(String original, String lower) {
            return pattern.matcher(cased ? original : lower).matches();
        }
    }

    /**
     * The forms one rule value expands into (windash, base64offset, placeholders): any of them will do. Keeps
     * {@code all} meaning every rule value, not every form of each.
     */
    record AnyOf(List<ValueTest> forms) implements ValueTest {
        public AnyOf {
            forms = List.copyOf(forms);
        }

        @Override
        public boolean test(String original, String lower) {
            for (ValueTest form : forms) {
                if (form.test(original, lower)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String requiredLiteral() {
            return null;
        }
    }

    /**
     * Sigma's {@code re}: the expression is searched for anywhere in the value; {@code requiredLiteral} is a literal
     * every match contains (see {@link RegexLiterals}), or null.
     */
    record Regex(Pattern pattern, String requiredLiteral) implements ValueTest {

        static Regex of(Pattern pattern) {
            return new Regex(pattern, RegexLiterals.required(pattern.pattern()));
        }

        @Override
        public boolean test(String original, String lower) {
            return pattern.matcher(original).find();
        }
    }

    /** Sigma's {@code cidr}: the value is an IP address inside the network. */
    record Cidr(byte[] network, int prefixLength, String text) implements ValueTest {

        /** Parses {@code 10.0.0.0/8} or {@code fe80::/10}; a bare address is a /32 or /128. */
        public static Cidr parse(String text) {
            String[] parts = text.trim().split("/", 2);
            InetAddress address;
            try {
                address = InetAddress.ofLiteral(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a CIDR network: '" + parts[0] + "' is not an IP address");
            }
            byte[] bytes = address.getAddress();
            int prefix = bytes.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("'" + text + "' is not a CIDR network: prefix length must be 0.." + bytes.length * 8);
                }
            }
            return new Cidr(bytes, prefix, text);
        }

        @Override
        public boolean test(String original, String lower) {
            String candidate = original.trim();
            if (candidate.isEmpty() || candidate.length() > 45 || (candidate.indexOf('.') < 0 && candidate.indexOf(':') < 0)) {
                return false;
            }
            byte[] address;
            try {
                address = InetAddress.ofLiteral(candidate).getAddress();
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }

        @Override
        public String requiredLiteral() {
            return null;
        }
    }

    /** How a number compares. */
    enum Comparison {
        EQ, LT, LTE, GT, GTE;

        boolean holds(int compared) {
            return switch (this) {
                case EQ -> compared == 0;
                case LT -> compared < 0;
                case LTE -> compared <= 0;
                case GT -> compared > 0;
                case GTE -> compared >= 0;
            };
        }
    }

    /** Sigma's {@code gt}, {@code gte}, {@code lt}, {@code lte}: the value read as a number compares so. */
    record NumberCompare(Comparison comparison, double bound) implements ValueTest {
        @Override
        public boolean test(String original, String lower) {
            Double value = number(original);
            return value != null && comparison.holds(Double.compare(value, bound));
        }

        @Override
        public String requiredLiteral() {
            return null;
        }

        /** Reads decimal integers, decimals and {@code 0x} hexadecimal; null when the text is not a number. */
        static Double number(String text) {
            String t = text.trim();
            if (t.isEmpty() || t.length() > 40) {
                return null;
            }
            try {
                if (t.startsWith("0x") || t.startsWith("0X")) {
                    return new BigInteger(t.substring(2), 16).doubleValue();
                }
                char first = t.charAt(0);
                if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
                    return null;
                }
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** Which part of a date Sigma's time modifiers extract. */
    enum TimePart {
        MINUTE, HOUR, DAY, WEEK, MONTH, YEAR;

        int of(ZonedDateTime time) {
            return switch (this) {
                case MINUTE -> time.getMinute();
                case HOUR -> time.getHour();
                case DAY -> time.getDayOfMonth();
                case WEEK -> time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                case MONTH -> time.getMonthValue();
                case YEAR -> time.getYear();
            };
        }
    }

    /**
     * Sigma's time modifiers ({@code minute}, {@code hour}, {@code day}, {@code week}, {@code month}, {@code year}):
     * the value is read as a date (ISO-8601 with or without offset, taken as UTC without one; or epoch seconds or
     * milliseconds) and the part compared as a number. No time-zone conversion, as the specification warns.
     */
    record TimePartCompare(TimePart part, Comparison comparison, double bound) implements ValueTest {
        private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

        @Override
        public boolean test(String original, String lower) {
            ZonedDateTime time = date(original.trim());
            return time != null && comparison.holds(Double.compare(part.of(time), bound));
        }

        @Override
        public String requiredLiteral() {
            return null;
        }

        static ZonedDateTime date(String text) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                if (text.chars().allMatch(Character::isDigit)) {
                    long epoch = Long.parseLong(text);
                    Instant instant = text.length() > 11 ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
                    return instant.atZone(ZoneOffset.UTC);
                }
                if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                    return OffsetDateTime.parse(text.replace(' ', 'T')).toZonedDateTime();
                }
                if (text.indexOf('T') > 0) {
                    return LocalDateTime.parse(text).atZone(ZoneOffset.UTC);
                }
                return LocalDateTime.parse(text, SPACED).atZone(ZoneOffset.UTC);
            } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
                return null;
            }
        }

    }
}
