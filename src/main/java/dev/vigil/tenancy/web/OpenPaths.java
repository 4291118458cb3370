package dev.vigil.tenancy.web;

import java.util.List;
import java.util.Set;

/**
 * The only paths served without a session or token: the sign-in page, static assets, liveness and metrics. Pure logic.
 *
 * <p>Guarantees: fails closed: a path with a dot segment, an empty segment or an encoded separator is never open, so
 * {@code /static/../api/v1/users} cannot borrow the assets' openness.
 */
public final class OpenPaths {

    private static final Set<String> EXACT = Set.of("/login", "/api/v1/health", "/health", "/prometheus", "/favicon.ico");
    private static final List<String> PREFIXES = List.of("/static/", "/webjars/");

    private OpenPaths() {
    }

    public static boolean isOpen(String path) {
        if (path == null || path.contains("/./") || path.contains("/../") || path.endsWith("/..") || path.endsWith("/.")
                || path.contains("//") || path.contains("%") || path.contains("\\") || path.contains(";")) {
            return false;
        }
        return EXACT.contains(path) || PREFIXES.stream().anyMatch(path::startsWith);
    }
}
