package dev.vigil.tenancy;

import java.util.Objects;

/**
 * Who is calling, as established by authentication: always exactly one tenant, a name for the audit trail, and a scope.
 * Request handlers receive this instead of a tenant id from the request, so a caller cannot name another tenant.
 */
public record TenantPrincipal(TenantId tenant, String name, ApiTokenScope scope) {

    public TenantPrincipal {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
    }

    /** The role recorded in audit entries: admin, analyst (triage), auditor (read-only) or ingest. */
    public String role() {
        return switch (scope) {
            case ADMIN -> "admin";
            case ANALYST -> "analyst";
            case READ -> "auditor";
            case INGEST -> "ingest";
        };
    }
}
