package dev.vigil.console.api;

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
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code /api/v1/incidents}: the caller's tenant's incidents, highest combined score first, each with its timeline,
 * tactic chain and score explanation (READ); closing one with a verdict for all its open alerts (ANALYST).
 */
@Controller("/api/v1/incidents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentsController {

    private final IncidentService incidents;

    public IncidentsController(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Get
    public List<IncidentView> list(HttpRequest<?> request, @Nullable @QueryValue String status,
                                   @Nullable @QueryValue Integer limit) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        boolean all = "all".equals(status);
        if (status != null && !all && !"open".equals(status)) {
            throw new IllegalArgumentException("status must be 'open' (default) or 'all', was '" + status + "'");
        }
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500, was " + n);
        }
        return incidents.list(caller.tenant(), all, n);
    }

    @Get("/{id}")
    public IncidentView show(HttpRequest<?> request, @PathVariable String id) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        return incidents.show(caller.tenant(), id);
    }

    @Post("/{id}/close")
    public IncidentView close(HttpRequest<?> request, @PathVariable String id, @Body CloseRequest body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ANALYST);
        if (body.verdict() == null) {
            throw new IllegalArgumentException("a verdict is required: tp, benign or fp");
        }
        return incidents.close(caller.tenant(), id, Verdict.parse(body.verdict()), body.note(), caller.name(), caller.role());
    }

    @Error(exception = NoSuchElementException.class)
    public HttpResponse<Map<String, String>> notFound(NoSuchElementException e) {
        return HttpResponse.<Map<String, String>>status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    /** A verdict for every open alert of the incident, and a note. */
    @Serdeable
    public record CloseRequest(@Nullable String verdict, @Nullable String note) {
    }
}
