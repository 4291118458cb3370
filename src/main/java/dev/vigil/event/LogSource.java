package dev.vigil.event;

/**
 * Where an event comes from, in Sigma's log-source taxonomy ({@code product}, {@code category}, {@code service}).
 *
 * <p>Any component may be null when the connector does not know it; detection uses these to route rules to events.
 */
public record LogSource(String product, String category, String service) {

    /** A log source nobody has classified. */
    public static final LogSource UNKNOWN = new LogSource(null, null, null);
}
