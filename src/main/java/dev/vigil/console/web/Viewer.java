package dev.vigil.console.web;

import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.ApiAuthenticationFilter;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.http.HttpRequest;

import java.util.List;

/**
 * Who is looking at a console page: the authenticated principal (the same one API handlers use), the user's name and
 * role as the authentication filter recorded them, the session's CSRF token for forms, and a one-line notice or error
 * carried over from the form post that led here.
 *
 * <p>Guarantees: built only for an authenticated request with at least {@code READ} scope (otherwise 401/403, exactly
 * as {@link Principals#require}); what a page offers follows the principal's scope, never the role text.
 */
public record Viewer(TenantPrincipal principal, String user, String role, String csrf, String notice, String error) {

    private static final int MAX_MESSAGE = 300;

    /** The viewer of a page request; requires at least READ. */
    public static Viewer of(HttpRequest<?> request) {
        TenantPrincipal principal = Principals.require(request, ApiTokenScope.READ);
        return new Viewer(principal,
                request.getAttribute(ApiAuthenticationFilter.USER, String.class).orElse(principal.name()),
                request.getAttribute(ApiAuthenticationFilter.ROLE, String.class).orElse(principal.role()),
                request.getAttribute(ApiAuthenticationFilter.CSRF, String.class).orElse(""),
                message(request, "notice"), message(request, "error"));
    }

    private static String message(HttpRequest<?> request, String name) {
        String text = request.getParameters().get(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }

    /** May change the appliance: rules, tokens, switches, updates, consent. */
    public boolean admin() {
        return principal.scope() == ApiTokenScope.ADMIN;
    }

    /** May triage alerts (acknowledge, close with a verdict). */
    public boolean analyst() {
        return principal.scope().permits(ApiTokenScope.ANALYST);
    }

    /** May read the audit trail and the data-use report: admins and auditors. */
    public boolean auditor() {
        return principal.scope() == ApiTokenScope.ADMIN || principal.scope() == ApiTokenScope.READ;
    }

    /** The tenant the pages show. */
    public String tenant() {
        return principal.tenant().value();
    }

    /** The navigation entries this viewer may open. */
    public List<NavItem> nav() {
        return NavItem.ALL.stream().filter(i -> switch (i.audience()) {
            case EVERYONE -> true;
            case AUDITORS -> auditor();
        }).toList();
    }

    /** One entry of the navigation bar. */
    public record NavItem(String id, String path, String label, Audience audience) {
        static final List<NavItem> ALL = List.of(
                new NavItem("overview", "/", "Overview", Audience.EVERYONE),
                new NavItem("search", "/search", "Search", Audience.EVERYONE),
                new NavItem("alerts", "/alerts", "Alerts", Audience.EVERYONE),
                new NavItem("incidents", "/incidents", "Incidents", Audience.EVERYONE),
                new NavItem("rules", "/rules", "Rules", Audience.EVERYONE),
                new NavItem("connectors", "/connectors", "Connectors", Audience.EVERYONE),
                new NavItem("models", "/models", "Models", Audience.EVERYONE),
                new NavItem("audit", "/audit", "Audit", Audience.AUDITORS),
                new NavItem("switches", "/switches", "Kill switches", Audience.EVERYONE),
                new NavItem("updates", "/updates", "Updates", Audience.EVERYONE),
                new NavItem("consent", "/consent", "Consent & fleet", Audience.EVERYONE));
    }

    /** Who sees a navigation entry. */
    public enum Audience { EVERYONE, AUDITORS }
}
