package dev.vigil.tenancy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The role an audit entry records follows the token's scope. */
class TenantPrincipalTest {

    private static String role(ApiTokenScope scope) {
        return new TenantPrincipal(TenantId.of("t"), "token:x", scope).role();
    }

    @Test
    void eachScopeIsRecordedAsItsOwnRole() {
        assertEquals("admin", role(ApiTokenScope.ADMIN));
        assertEquals("analyst", role(ApiTokenScope.ANALYST));
        assertEquals("auditor", role(ApiTokenScope.READ));
        assertEquals("ingest", role(ApiTokenScope.INGEST));
    }
}
