package dev.vigil.detect.correlation;

import java.math.BigDecimal;

/** Reading and writing the numbers of value_sum, value_avg and value_percentile. Pure. */
final class Numbers {

    private Numbers() {
    }

    /** The number a field value spells (decimal, optional sign and exponent), or null when it is not one. */
    static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A threshold or measure as people write it: {@code 10}, {@code 2.5}. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
