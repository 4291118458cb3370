package dev.vigil.tenancy;

/** A token just created: its stored row and the secret, which is shown this once and never stored. */
public record IssuedToken(ApiToken token, String secret) {
}
