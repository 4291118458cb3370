package dev.vigil.tenancy.users;

import io.micronaut.core.annotation.Nullable;

/** A user after an admin set their password, with the generated one-time password (null when the admin chose it). */
public record IssuedPassword(User user, @Nullable String oneTimePassword) {
}
