package dev.vigil.tenancy.web;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;

/**
 * The console's cookies. Every one is HttpOnly, Secure and SameSite=Strict: scripts cannot read them, they travel only
 * over HTTPS, and no other site can make the browser send them.
 *
 * <ul>
 *   <li>{@value #SESSION}: the session secret (Path=/, no expiry: it ends with the browser or the server-side timeout).</li>
 *   <li>{@value #LOGIN}: the pre-session CSRF token of the sign-in form (Path=/login, one hour).</li>
 * </ul>
 */
public final class SessionCookies {

    public static final String SESSION = "VIGIL_SESSION";
    public static final String LOGIN = "VIGIL_LOGIN";

    private SessionCookies() {
    }

    public static Cookie session(String secret) {
        return strict(Cookie.of(SESSION, secret).path("/"));
    }

    public static Cookie clearSession() {
        return strict(Cookie.of(SESSION, "").path("/").maxAge(Duration.ZERO));
    }

    public static Cookie login(String token) {
        return strict(Cookie.of(LOGIN, token).path("/login").maxAge(Duration.ofHours(1)));
    }

    public static Cookie clearLogin() {
        return strict(Cookie.of(LOGIN, "").path("/login").maxAge(Duration.ZERO));
    }

    private static Cookie strict(Cookie cookie) {
        return cookie.httpOnly(true).secure(true).sameSite(SameSite.Strict);
    }
}
