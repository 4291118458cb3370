package dev.vigil.console.auth;

import dev.vigil.tenancy.users.OpenedSession;
import dev.vigil.tenancy.users.Sessions;
import dev.vigil.tenancy.users.SignedIn;
import dev.vigil.tenancy.users.User;
import dev.vigil.tenancy.users.Users;
import dev.vigil.tenancy.web.ApiAuthenticationFilter;
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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET/POST /account/password}: a signed-in user changes their own password, proving the current one. This is
 * the only page (besides sign-out) a user with a one-time password can reach.
 *
 * <p>Guarantees: only console sessions can use it (a token has no password); after a change every other session of the
 * user ends and the browser gets a fresh session; a rejected password re-shows the form with the reason.
 */
@Controller(ApiAuthenticationFilter.PASSWORD_PAGE)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AccountController {

    private final Users users;
    private final Sessions sessions;

    public AccountController(Users users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> form(HttpRequest<?> request) {
        SignedIn s = signedIn(request);
        return page(HttpStatus.OK, s, null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> change(HttpRequest<?> request, @Body Map<String, String> form) {
        SignedIn s = signedIn(request);
        String replacement = form.get("password");
        if (!Objects.equals(replacement, form.get("confirm"))) {
            return page(HttpStatus.BAD_REQUEST, s, "The two new passwords differ.");
        }
        User changed;
        try {
            changed = users.changeOwnPassword(s.user().tenant(), s.user().id(), form.get("current"), replacement);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            return page(HttpStatus.BAD_REQUEST, s, Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".");
        }
        OpenedSession fresh = sessions.renew(s, changed);
        return HttpResponse.seeOther(URI.create("/")).cookie(SessionCookies.session(fresh.secret()));
    }

    private static SignedIn signedIn(HttpRequest<?> request) {
        return request.getAttribute(ApiAuthenticationFilter.SIGNED_IN, SignedIn.class).orElseThrow(() ->
                new HttpStatusException(HttpStatus.FORBIDDEN, "only a signed-in console user can change their password"));
    }

    private static MutableHttpResponse<?> page(HttpStatus status, SignedIn s, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", s.session().csrfToken());
        model.put("user", s.user().username());
        model.put("forced", s.user().mustChangePassword());
        model.put("error", error);
        return HttpResponse.status(status).body(new ModelAndView<>("auth/password", model));
    }
}
