package dev.vigil.tenancy.users;

import java.util.Locale;

/**
 * What a console password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}, and not the
 * user name (in any case). Guarantees: a rejected password gets a message saying exactly which rule it broke and never
 * echoes the password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {
    }

    /** Throws {@link IllegalArgumentException} naming the broken rule, or returns normally. */
    public static void check(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the password is empty: choose one of at least " + MIN_LENGTH + " characters");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new IllegalArgumentException("the password is too short (" + length + " characters): use at least "
                    + MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("the password is too long: use at most " + MAX_LENGTH + " characters");
        }
        if (username != null && password.trim().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the password must not be the user name");
        }
    }
}
