package dev.vigil.analyst.incident;

import java.util.Locale;
import java.util.Objects;

/**
 * Something alerts can share: a host, a user or an address, normalised (trimmed, lower case) so that {@code WS-12}
 * and {@code ws-12} are one host.
 */
public record Entity(Kind kind, String value) implements Comparable<Entity> {

    /** What kind of thing it is. */
    public enum Kind { HOST, USER, IP }

    public Entity {
        Objects.requireNonNull(kind, "kind");
        value = value.trim().toLowerCase(Locale.ROOT);
    }

    /** {@code host:ws-12}: the stored form. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + value;
    }

    /** Reads the stored form back. */
    public static Entity parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not an entity: '" + text + "' (expected kind:value)");
        }
        return new Entity(Kind.valueOf(text.substring(0, colon).toUpperCase(Locale.ROOT)), text.substring(colon + 1));
    }

    @Override
    public int compareTo(Entity o) {
        int k = kind.compareTo(o.kind);
        return k != 0 ? k : value.compareTo(o.value);
    }
}
