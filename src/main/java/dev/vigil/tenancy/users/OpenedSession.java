package dev.vigil.tenancy.users;

/** A new session: the cookie secret (shown to the browser once, stored only hashed) and its CSRF token. */
public record OpenedSession(String secret, String csrfToken, Session session) {
}
