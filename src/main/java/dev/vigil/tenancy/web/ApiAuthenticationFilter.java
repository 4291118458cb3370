package dev.vigil.tenancy.web;

import dev.vigil.tenancy.ApiTokens;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.users.Secrets;
import dev.vigil.tenancy.users.Sessions;
import dev.vigil.tenancy.users.SignedIn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates every request before any handler runs, and fails closed: nothing but the {@link OpenPaths} is served
 * without a bearer token or a live console session.
 *
 * <p>Accepted credentials: {@code Authorization: Bearer <token>} anywhere (the API and CLI), {@code Authorization:
 * Splunk <token>} on {@code /services/collector/**} (the HEC convention), and the {@value SessionCookies#SESSION}
 * cookie of a console session everywhere except the collector. Without them, an HTML GET (Accept: text/html) is
 * redirected to {@code /login} and anything else gets 401 with a JSON reason; nothing reveals whether a token exists.
 *
 * <p>Session-authenticated requests also: must carry the session's CSRF token ({@value CsrfTokens#HEADER} header or
 * {@value CsrfTokens#FIELD} form field) on every method but GET, HEAD and OPTIONS, else 403; are sent to
 * {@code /account/password} (pages) or refused with 403 (everything else) while the user must change their password.
 * Token-authenticated requests carry no ambient credential and are exempt from CSRF checks.
 *
 * <p>The authenticated {@link TenantPrincipal} is attached under {@link #PRINCIPAL}; handlers take the tenant from it,
 * never from the request. For the console's pages the request also carries {@link #CSRF} (the session's CSRF token;
 * empty for token requests), {@link #USER} (the user or token name) and {@link #ROLE} (admin, analyst or auditor).
 */
@ServerFilter("/**")
public class ApiAuthenticationFilter {

    /** The request attribute that holds the authenticated principal. */
    public static final String PRINCIPAL = "vigil.principal";
    /** The request attribute that holds the session's CSRF token (String). */
    public static final String CSRF = "vigil.csrf";
    /** The request attribute that holds the signed-in user's name (String). */
    public static final String USER = "vigil.user";
    /** The request attribute that holds the caller's role: admin, analyst or auditor (String). */
    public static final String ROLE = "vigil.role";
    /** The request attribute that holds the {@link SignedIn} session of a console request. */
    public static final String SIGNED_IN = "vigil.signed-in";
    /** Where a user who must change their password is sent. */
    public static final String PASSWORD_PAGE = "/account/password";

    private static final int MAX_FORM_BYTES = 1024 * 1024;
    private static final int MULTIPART_SCAN_BYTES = 64 * 1024;

    private final ApiTokens tokens;
    private final Sessions sessions;

    public ApiAuthenticationFilter(ApiTokens tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public MutableHttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (OpenPaths.isOpen(path)) {
            return null;
        }
        boolean collector = path.startsWith("/services/collector");
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isPresent() || collector) {
            return authenticateToken(request, path, collector, header);
        }
        Optional<Cookie> cookie = request.getCookies().findCookie(SessionCookies.SESSION);
        Optional<SignedIn> signedIn = cookie.flatMap(c -> sessions.authenticate(c.getValue()));
        if (signedIn.isEmpty()) {
            MutableHttpResponse<?> refused = wantsPage(request)
                    ? HttpResponse.seeOther(URI.create("/login"))
                    : unauthorized(path, cookie.isPresent() ? "the session has ended (signed out, idle or expired): sign in again"
                    : "not signed in: sign in at /login, or send 'Authorization: Bearer <token>'");
            return cookie.isPresent() ? refused.cookie(SessionCookies.clearSession()) : refused;
        }
        SignedIn s = signedIn.get();
        request.setAttribute(PRINCIPAL, s.principal());
        request.setAttribute(SIGNED_IN, s);
        request.setAttribute(CSRF, s.session().csrfToken());
        request.setAttribute(USER, s.user().username());
        request.setAttribute(ROLE, s.user().role().label());
        if (!isSafe(request.getMethod()) && !Secrets.equal(s.session().csrfToken(), presentedCsrf(request).orElse(null))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("error", "forbidden", "message",
                    "missing or wrong CSRF token: a form must send the session's token in field '" + CsrfTokens.FIELD
                            + "', a script in header '" + CsrfTokens.HEADER + "'"));
        }
        if (s.user().mustChangePassword() && !path.equals(PASSWORD_PAGE) && !path.equals("/logout")) {
            return wantsPage(request) ? HttpResponse.seeOther(URI.create(PASSWORD_PAGE))
                    : HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("error", "password_change_required",
                    "message", "you must change your one-time password first, at " + PASSWORD_PAGE));
        }
        return null;
    }

    private MutableHttpResponse<?> authenticateToken(HttpRequest<?> request, String path, boolean collector,
                                                     Optional<String> header) {
        if (header.isEmpty()) {
            return unauthorized(path, "missing Authorization header: send 'Authorization: Bearer <token>'"
                    + (collector ? " or 'Authorization: Splunk <token>'" : ""));
        }
        String value = header.get().trim();
        int space = value.indexOf(' ');
        String schemeName = space < 0 ? "" : value.substring(0, space);
        String secret = space < 0 ? "" : value.substring(space + 1).trim();
        boolean schemeOk = schemeName.equalsIgnoreCase("Bearer") || (schemeName.equalsIgnoreCase("Splunk") && collector);
        if (!schemeOk) {
            return unauthorized(path, "unsupported Authorization scheme '" + schemeName + "'");
        }
        Optional<TenantPrincipal> principal = tokens.authenticate(secret);
        if (principal.isEmpty()) {
            return unauthorized(path, "invalid or revoked token");
        }
        request.setAttribute(PRINCIPAL, principal.get());
        request.setAttribute(CSRF, "");
        request.setAttribute(USER, principal.get().name());
        request.setAttribute(ROLE, principal.get().role());
        return null;
    }

    private static boolean isSafe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    /** A browser navigating: a GET or HEAD that accepts HTML. */
    static boolean wantsPage(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return false;
        }
        return request.getHeaders().accept().stream().anyMatch(m -> m.matchesExtension("html")
                || m.getName().equalsIgnoreCase(MediaType.TEXT_HTML));
    }

    private static Optional<String> presentedCsrf(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().get(CsrfTokens.HEADER, String.class);
        if (header.isPresent()) {
            return header;
        }
        String type = request.getHeaders().get(HttpHeaders.CONTENT_TYPE, String.class).orElse("").toLowerCase(Locale.ROOT);
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return Optional.empty();
        }
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return readBody(server, MAX_FORM_BYTES).flatMap(CsrfTokens::fromUrlEncoded);
        }
        if (type.startsWith(MediaType.MULTIPART_FORM_DATA)) {
            Optional<String> boundary = CsrfTokens.boundary(request.getHeaders().get(HttpHeaders.CONTENT_TYPE, String.class).orElse(""));
            return boundary.flatMap(b -> readBody(server, MULTIPART_SCAN_BYTES).flatMap(body -> CsrfTokens.fromMultipart(body, b)));
        }
        return Optional.empty();
    }

    /** Up to {@code limit} bytes of a copy of the body; the handler still receives the whole body. */
    private static Optional<String> readBody(ServerHttpRequest<?> request, int limit) {
        try (CloseableByteBody copy = request.byteBody().split(ByteBody.SplitBackpressureMode.SLOWEST)) {
            copy.allowDiscard();
            try (InputStream in = copy.toInputStream()) {
                byte[] bytes = in.readNBytes(limit);
                return Optional.of(new String(bytes, limit == MAX_FORM_BYTES ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static MutableHttpResponse<?> unauthorized(String path, String reason) {
        if (path.startsWith("/services/collector")) {
            // Splunk HEC clients understand its error shape: code 2 = token required, 4 = invalid token
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Splunk")
                    .body(Map.of("text", reason, "code", reason.startsWith("missing") ? 2 : 4));
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Map.of("error", "unauthorized", "message", reason));
    }
}
