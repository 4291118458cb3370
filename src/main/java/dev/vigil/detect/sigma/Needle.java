package dev.vigil.detect.sigma;

import java.util.Locale;

/**
 * A literal the prefilter looks for, and where: in the named field's values (lower-cased name), or in any value when
 * {@code field} is null (keywords). An {@code exact} needle must equal a whole value (Sigma's plain equality); the
 * others must occur within one.
 */
record Needle(String field, String literal, boolean exact) {

    static Needle of(String field, String literal, boolean exact) {
        return new Needle(field == null ? null : field.toLowerCase(Locale.ROOT), literal, exact && field != null);
    }
}
