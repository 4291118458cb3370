package dev.vigil.console.api;

import dev.vigil.analyst.SimilarVerdictSummary;
import dev.vigil.analyst.similar.SimilarAlert;
import dev.vigil.analyst.similar.SimilarAlerts;
import dev.vigil.analyst.similar.SimilarAlertsResult;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/v1/alerts/{id}/similar?k=}: the caller's tenant's past alerts nearest to one alert, with their
 * status and verdict, and the verdict counts among the similar closed ones. Needs {@code READ}; an unknown id answers
 * 404, a k outside 1 to {@value SimilarAlerts#MAX_K} 400; with similarity switched off, 200 with no alerts and the
 * reason.
 */
@Controller("/api/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SimilarAlertsController {

    private static final int DEFAULT_K = 5;

    private final SimilarAlerts similar;

    public SimilarAlertsController(SimilarAlerts similar) {
        this.similar = similar;
    }

    @Get("/{id}/similar")
    public SimilarView similar(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue Integer k) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        SimilarAlertsResult result;
        try {
            result = similar.nearest(caller.tenant(), id, k == null ? DEFAULT_K : k);
        } catch (NoSuchAlertException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        SimilarVerdictSummary summary = result.verdicts();
        return new SimilarView(result.alertId(), result.enabled(), result.reason(),
                new SummaryView(summary.similar(), summary.truePositives(), summary.benignPositives(), summary.falsePositives(),
                        SimilarAlerts.VERDICT_THRESHOLD),
                result.alerts().stream().map(SimilarAlertView::of).toList());
    }

    /** The answer: the nearest alerts, nearest first, and the verdicts of the similar closed ones. */
    @Serdeable
    public record SimilarView(String alertId, boolean enabled, @Nullable String reason, SummaryView verdicts,
                              List<SimilarAlertView> alerts) {
    }

    /** How many similar (at or above {@code threshold}) closed alerts were closed with each verdict. */
    @Serdeable
    public record SummaryView(int similar, int truePositives, int benignPositives, int falsePositives, double threshold) {
    }

    /** One near alert as the API shows it. */
    @Serdeable
    public record SimilarAlertView(String id, double similarity, String title, String ruleId, String level, String status,
                                   @Nullable String verdict, Instant lastSeen) {
        static SimilarAlertView of(SimilarAlert a) {
            return new SimilarAlertView(a.id(), Math.round(a.similarity() * 10_000) / 10_000.0, a.title(), a.ruleId(), a.level(),
                    a.status().name().toLowerCase(Locale.ROOT),
                    a.verdict() == null ? null : a.verdict().name().toLowerCase(Locale.ROOT), a.lastSeen());
        }
    }
}
