package dev.vigil.tenancy.web;

import dev.vigil.tenancy.ApiTokens;
import dev.vigil.tenancy.TenantPrincipal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;
import java.util.Optional;

/**
 * Authenticates every API call and the Splunk-HEC collector before any handler runs: it fails closed.
 *
 * <p>Accepted credentials: {@code Authorization: Bearer <token>} on {@code /api/v1/**}, and
 * {@code Authorization: Splunk <token>} (the HEC convention) or Bearer on {@code /services/collector/**}. A missing,
 * unknown or revoked token gets 401 with a JSON reason; nothing else reveals whether a token exists. The health
 * endpoint is open so that supervisors can probe liveness. The authenticated {@link TenantPrincipal} is attached to
 * the request under {@link #PRINCIPAL}; handlers take the tenant from it, never from the request.
 */
@ServerFilter(patterns = {"/api/v1/**", "/services/collector/**"})
public class ApiAuthenticationFilter {

    /** The request attribute that holds the authenticated principal. */
    public static final String PRINCIPAL = "vigil.principal";

    private final ApiTokens tokens;

    public ApiAuthenticationFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @io.micronaut.core.annotation.Nullable
    public MutableHttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.equals("/api/v1/health")) {
            return null;
        }
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isEmpty()) {
            return unauthorized(path, "missing Authorization header: send 'Authorization: Bearer <token>'"
                    + (path.startsWith("/services/collector") ? " or 'Authorization: Splunk <token>'" : ""));
        }
        String value = header.get().trim();
        int space = value.indexOf(' ');
        String schemeName = space < 0 ? "" : value.substring(0, space);
        String secret = space < 0 ? "" : value.substring(space + 1).trim();
        boolean schemeOk = schemeName.equalsIgnoreCase("Bearer")
                || (schemeName.equalsIgnoreCase("Splunk") && path.startsWith("/services/collector"));
        if (!schemeOk) {
            return unauthorized(path, "unsupported Authorization scheme '" + schemeName + "'");
        }
        Optional<TenantPrincipal> principal = tokens.authenticate(secret);
        if (principal.isEmpty()) {
            return unauthorized(path, "invalid or revoked token");
        }
        request.setAttribute(PRINCIPAL, principal.get());
        return null;
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
