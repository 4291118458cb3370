package dev.vigil.connectors;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A conversion a spec's {@code types} section applies to a field. Guarantees: pure; a value that does not convert is
 * left as it was (it is data, not an error), so a conversion never loses a value.
 */
public enum FieldType {
    LONG("long"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    STRING("string"),
    /** Any form {@link Timestamps} reads, rewritten as an ISO-8601 instant in UTC. */
    TIMESTAMP("timestamp");

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private final String specName;

    FieldType(String specName) {
        this.specName = specName;
    }

    /** The name used in {@code connector.yaml}. */
    public String specName() {
        return specName;
    }

    /** The type a spec name denotes, if any. */
    public static Optional<FieldType> bySpecName(String name) {
        return Arrays.stream(values()).filter(t -> t.specName.equals(name)).findFirst();
    }

    /** The converted value, or {@code value} itself when it cannot be converted. */
    public Object convert(Object value, ZoneId zone) {
        return switch (this) {
            case LONG -> value instanceof String text && INTEGER.matcher(text).matches() ? Long.valueOf(text)
                    : value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e18 ? Long.valueOf(d.longValue())
                    : value;
            case DOUBLE -> value instanceof Long l ? Double.valueOf(l)
                    : value instanceof String text && DECIMAL.matcher(text).matches()
                    ? Double.valueOf(new BigDecimal(text).doubleValue()) : value;
            case BOOLEAN -> value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))
                    ? Boolean.valueOf(text) : value;
            case STRING -> value instanceof java.util.List<?> ? value : String.valueOf(value);
            case TIMESTAMP -> Timestamps.parse(value, zone).<Object>map(Object::toString).orElse(value);
        };
    }
}
