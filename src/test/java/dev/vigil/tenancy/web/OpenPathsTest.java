package dev.vigil.tenancy.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which paths need no session or token. */
class OpenPathsTest {

    @Test
    void theSignInPageAssetsHealthAndMetricsAreOpen() {
        for (String p : new String[]{"/login", "/static/vigil.css", "/webjars/htmx/htmx.min.js", "/api/v1/health", "/prometheus"}) {
            assertTrue(OpenPaths.isOpen(p), p);
        }
    }

    @Test
    void theApiAndThePagesAreNot() {
        for (String p : new String[]{"/", "/alerts", "/api/v1/users", "/login/extra", "/account/password", "/staticx"}) {
            assertFalse(OpenPaths.isOpen(p), p);
        }
    }

    @Test
    void aDotSegmentOrEncodedCharacterNeverBorrowsAnOpenPrefix() {
        for (String p : new String[]{"/static/../api/v1/users", "/static/%2e%2e/api/v1/users", "/static//x", "/static/..",
                "/webjars/..\\api"}) {
            assertFalse(OpenPaths.isOpen(p), p);
        }
    }
}
