package dev.vigil.console.api;

import dev.vigil.analyst.triage.AlertTriage;
import dev.vigil.analyst.triage.TriageService;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.NoSuchAlertException;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * {@code GET /api/v1/alerts/{id}/triage}: the alert's triage (probability, priority P1–P4, reasons in plain words,
 * model version or fallback), scored on demand if the background scorer has not reached it yet. Needs {@code READ};
 * an unknown or other tenant's id answers 404.
 */
@Controller("/api/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TriageController {

    private final AlertService alerts;
    private final TriageService triage;

    public TriageController(AlertService alerts, TriageService triage) {
        this.alerts = alerts;
        this.triage = triage;
    }

    @Get("/{id}/triage")
    public TriageView triage(HttpRequest<?> request, @PathVariable String id) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        try {
            return TriageView.of(triage.triage(caller.tenant(), alerts.get(caller.tenant(), id)));
        } catch (NoSuchAlertException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    /** An alert's triage as the API shows it. */
    @Serdeable
    public record TriageView(String alertId, @Nullable Double probability, String priority, String explanation,
                             String modelVersion, Instant scoredAt) {
        static TriageView of(AlertTriage t) {
            return new TriageView(t.id(), t.probability(), t.priority(), t.explanation(), t.modelVersion(), t.scoredAt());
        }
    }
}
