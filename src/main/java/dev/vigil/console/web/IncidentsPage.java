package dev.vigil.console.web;

import dev.vigil.analyst.incident.IncidentService;
import dev.vigil.analyst.incident.IncidentView;
import dev.vigil.detect.alert.Verdict;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * {@code /incidents}: the tenant's incidents by combined score, and one incident's timeline, tactic chain, entities and
 * score explanation; analysts close an incident with one verdict for all its open alerts (each audited).
 */
@Controller("/incidents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentsPage {

    private final IncidentService incidents;

    public IncidentsPage(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String status) {
        Viewer viewer = Viewer.of(request);
        boolean all = "all".equals(status);
        List<IncidentView> rows = incidents.list(viewer.principal().tenant(), all, 200);
        return Page.of("incidents", viewer).with("rows", rows).with("all", all).ok();
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request, @PathVariable String id) {
        Viewer viewer = Viewer.of(request);
        try {
            return Page.of("incident", viewer).with("incident", incidents.show(viewer.principal().tenant(), id)).ok();
        } catch (NoSuchElementException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @Post("/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> close(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ANALYST);
        FormBody form = FormBody.parse(body);
        String back = "/incidents/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
        try {
            Verdict verdict = Verdict.parse(form.get("verdict"));
            IncidentView v = incidents.close(caller.tenant(), id, verdict, form.text("note"), caller.name(), caller.role());
            return Page.notice(back, "Closed; its " + v.alertCount() + " alert(s) carry the verdict "
                    + verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Page.error(back, e.getMessage());
        } catch (NoSuchElementException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
