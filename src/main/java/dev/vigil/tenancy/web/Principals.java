package dev.vigil.tenancy.web;

import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** Reads the authenticated principal off a request and checks its scope; fails closed with 401/403. */
public final class Principals {

    private Principals() {
    }

    public static TenantPrincipal require(HttpRequest<?> request, ApiTokenScope needed) {
        TenantPrincipal principal = request.getAttribute(ApiAuthenticationFilter.PRINCIPAL, TenantPrincipal.class)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.UNAUTHORIZED, "not authenticated"));
        if (!principal.scope().permits(needed)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN,
                    "role " + principal.role() + " (scope " + principal.scope() + ") does not allow this; it needs " + needed);
        }
        return principal;
    }
}
