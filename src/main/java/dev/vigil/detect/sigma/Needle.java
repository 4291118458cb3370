package dev.vigil.detect.sigma;

import java.util.Locale;

/**
 * A literal the prefilter looks for, and where: in the named field's values (lower-cased name), or in any value when
 * {@code field} is null (keywords).
 */
record Needle(String field, String literal) {

    static Needle of(String field, String literal) {
        return new Needle(field == null ? null : field.toLowerCase(Locale.ROOT), literal);
    }
}
