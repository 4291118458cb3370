package dev.vigil.tenancy.users;

import java.time.Instant;

/** The outcome of a sign-in attempt. The messages never say whether the user name exists. */
public sealed interface SignIn {

    /** The password matched an enabled, unlocked account. */
    record Success(User user) implements SignIn {
    }

    /** Wrong user name or password, or a disabled account: one message for all. */
    record Refused(String message) implements SignIn {
    }

    /** Too many failures: no attempt is checked before {@code until}. */
    record Locked(Instant until, String message) implements SignIn {
    }
}
