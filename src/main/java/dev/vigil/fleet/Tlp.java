package dev.vigil.fleet;

import java.util.Locale;

/**
 * A Traffic Light Protocol 2.0 marking, carried by every fleet sighting.
 *
 * <p>Guarantees: {@link #parse} accepts only the five TLP 2.0 labels, with or without the {@code TLP:} prefix and in
 * any case ({@code TLP:AMBER+STRICT}, {@code amber+strict}, {@code AMBER_STRICT}); anything else, including the
 * retired {@code WHITE}, is an {@link IllegalArgumentException} naming the accepted labels. {@link #restricted} is true
 * for exactly {@link #RED} and {@link #AMBER_STRICT}: material so marked may never leave its tenant.
 */
public enum Tlp {
    CLEAR("TLP:CLEAR"),
    GREEN("TLP:GREEN"),
    AMBER("TLP:AMBER"),
    AMBER_STRICT("TLP:AMBER+STRICT"),
    RED("TLP:RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    /** The TLP 2.0 label, e.g. {@code TLP:AMBER+STRICT}. */
    public String label() {
        return label;
    }

    /** True for markings that forbid sharing beyond the source organisation (RED, AMBER+STRICT). */
    public boolean restricted() {
        return this == RED || this == AMBER_STRICT;
    }

    /** The more restrictive of this and {@code other}. */
    public Tlp stricter(Tlp other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Parses a TLP 2.0 label strictly; see the type's guarantees. */
    public static Tlp parse(String text) {
        if (text != null) {
            String t = text.strip().toUpperCase(Locale.ROOT);
            String bare = t.startsWith("TLP:") ? t.substring(4) : t;
            for (Tlp tlp : values()) {
                if (tlp.label.equals("TLP:" + bare) || tlp.name().equals(bare)) {
                    return tlp;
                }
            }
        }
        throw new IllegalArgumentException("unknown TLP marking '" + text + "': use TLP:CLEAR, TLP:GREEN, TLP:AMBER, "
                + "TLP:AMBER+STRICT or TLP:RED (TLP 2.0; WHITE is now CLEAR)");
    }

    @Override
    public String toString() {
        return label;
    }
}
