package dev.vigil.tenancy.users;

import dev.vigil.tenancy.TenantPrincipal;

/**
 * A request's live session: the session row, its user as of this request, and the principal built from them (the
 * same kind the bearer-token path produces, so every role check applies unchanged).
 */
public record SignedIn(Session session, User user, TenantPrincipal principal) {
}
