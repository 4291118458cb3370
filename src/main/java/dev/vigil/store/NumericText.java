package dev.vigil.store;

/**
 * Recognises plain decimal numbers ({@code 443}, {@code -1}, {@code 0.25}) in text, cheaply and without exceptions.
 *
 * <p>Guarantees: {@link #looksNumeric} is true only for text {@link Double#parseDouble} accepts; addresses such as
 * {@code 10.0.0.1}, hex, exponents and very long digit strings are not numbers here. Pure.
 */
final class NumericText {

    private static final int MAX_LENGTH = 24;

    private NumericText() {
    }

    static boolean looksNumeric(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        int i = text.charAt(0) == '-' ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot && digits) {
                dot = true;
                digits = false;
            } else {
                return false;
            }
        }
        return digits;
    }
}
