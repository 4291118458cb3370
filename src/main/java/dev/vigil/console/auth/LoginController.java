package dev.vigil.console.auth;

import dev.vigil.appliance.VigilSettings;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantRegistry;
import dev.vigil.tenancy.users.OpenedSession;
import dev.vigil.tenancy.users.Secrets;
import dev.vigil.tenancy.users.Sessions;
import dev.vigil.tenancy.users.SignIn;
import dev.vigil.tenancy.users.SignInGate;
import dev.vigil.tenancy.users.SignedIn;
import dev.vigil.tenancy.web.ApiAuthenticationFilter;
import dev.vigil.tenancy.web.CsrfTokens;
import dev.vigil.tenancy.web.SessionCookies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out of the console: {@code GET/POST /login}, {@code POST /logout}.
 *
 * <p>Guarantees: the sign-in form is protected against login CSRF by a pre-session token (the
 * {@value SessionCookies#LOGIN} cookie must equal the form's {@code _csrf} field); a successful sign-in opens a new
 * session (a fresh secret, never one the browser brought) and sends a user who must change their password to
 * {@code /account/password}; failures answer with one message whether or not the user exists. A user name may name
 * its tenant as {@code name@tenant}; a bare name signs in to the appliance's customer tenant.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoginController {

    private final SignInGate gate;
    private final Sessions sessions;
    private final Secrets secrets;
    private final TenantRegistry tenants;
    private final TenantId defaultTenant;

    public LoginController(SignInGate gate, Sessions sessions, Secrets secrets, TenantRegistry tenants,
                           VigilSettings settings) {
        this.gate = gate;
        this.sessions = sessions;
        this.secrets = secrets;
        this.tenants = tenants;
        this.defaultTenant = TenantId.of(settings.tenant());
    }

    @Get("/login")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> form(HttpRequest<?> request) {
        String token = request.getCookies().findCookie(SessionCookies.LOGIN).map(Cookie::getValue)
                .filter(v -> v.length() == 43).orElseGet(secrets::token);
        return page(HttpStatus.OK, token, "", null).cookie(SessionCookies.login(token));
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        Optional<String> loginToken = request.getCookies().findCookie(SessionCookies.LOGIN).map(Cookie::getValue);
        if (loginToken.isEmpty() || !Secrets.equal(loginToken.get(), form.get(CsrfTokens.FIELD))) {
            String fresh = secrets.token();
            return page(HttpStatus.FORBIDDEN, fresh, username,
                    "The sign-in form had expired or was not sent by this site. Please sign in again.")
                    .cookie(SessionCookies.login(fresh));
        }
        Account account = account(username);
        SignIn outcome = gate.attempt(account.tenant(), account.name(), form.get("password"));
        return switch (outcome) {
            case SignIn.Success success -> {
                OpenedSession opened = sessions.open(success.user());
                yield HttpResponse.seeOther(URI.create(success.user().mustChangePassword()
                                ? ApiAuthenticationFilter.PASSWORD_PAGE : "/"))
                        .cookies(java.util.Set.of(SessionCookies.session(opened.secret()), SessionCookies.clearLogin()));
            }
            case SignIn.Refused refused -> page(HttpStatus.UNAUTHORIZED, loginToken.get(), username, refused.message());
            case SignIn.Locked locked -> page(HttpStatus.TOO_MANY_REQUESTS, loginToken.get(), username, locked.message());
        };
    }

    @Post("/logout")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON,
            MediaType.TEXT_PLAIN})
    public HttpResponse<?> signOut(HttpRequest<?> request) {
        request.getAttribute(ApiAuthenticationFilter.SIGNED_IN, SignedIn.class).ifPresent(sessions::close);
        return HttpResponse.seeOther(URI.create("/login")).cookie(SessionCookies.clearSession());
    }

    /** The tenant and name a typed user name stands for: {@code name@tenant} for an existing tenant, else the default. */
    private Account account(String typed) {
        String name = typed.trim();
        int at = name.lastIndexOf('@');
        if (at > 0 && at < name.length() - 1) {
            try {
                TenantId tenant = TenantId.of(name.substring(at + 1));
                if (!tenant.isFleet() && tenants.exists(tenant)) {
                    return new Account(tenant, name.substring(0, at));
                }
            } catch (IllegalArgumentException e) {
                // not a tenant id: the whole text is the (unknown) user name
            }
        }
        return new Account(defaultTenant, name);
    }

    private record Account(TenantId tenant, String name) {
    }

    private static MutableHttpResponse<?> page(HttpStatus status, String token, String username, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", token);
        model.put("username", username.length() > 200 ? "" : username);
        model.put("error", error);
        return HttpResponse.status(status).body(new ModelAndView<>("auth/login", model));
    }
}
