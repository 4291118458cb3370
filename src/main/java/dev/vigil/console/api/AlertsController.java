package dev.vigil.console.api;

import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertQuery;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.AlertStateException;
import dev.vigil.detect.alert.AlertStatus;
import dev.vigil.detect.alert.NoSuchAlertException;
import dev.vigil.detect.alert.Verdict;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code /api/v1/alerts}: the caller's tenant's alerts: list with filters, show (with the matched fields and event
 * ids), acknowledge, close with a verdict, and the same in bulk. Reading needs {@code READ}; triage needs
 * {@code ANALYST}. Unknown ids answer 404, steps the alert's status does not allow 409.
 */
@Controller("/api/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
@SerdeImport(MatchedField.class)
public class AlertsController {

    private final AlertService alerts;
    private final Clock clock;

    public AlertsController(AlertService alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Get
    public List<AlertView> list(HttpRequest<?> request, @Nullable @QueryValue String status, @Nullable @QueryValue String level,
                                @Nullable @QueryValue String rule, @Nullable @QueryValue String since,
                                @Nullable @QueryValue String q, @Nullable @QueryValue Integer limit) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        AlertStatus wanted = status == null ? null : parseStatus(status);
        RuleLevel minLevel = level == null ? null : RuleLevel.parse(level);
        Instant from = since == null ? Instant.EPOCH : TimeExpressions.parse(since, clock.instant());
        AlertQuery query = new AlertQuery(wanted, minLevel, rule, from, q, limit == null ? 100 : limit);
        return alerts.list(caller.tenant(), query).stream().map(AlertView::of).toList();
    }

    @Get("/{id}")
    public AlertView show(HttpRequest<?> request, @PathVariable String id) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        return AlertView.of(handled(() -> alerts.get(caller.tenant(), id)));
    }

    @Post("/{id}/ack")
    public AlertView acknowledge(HttpRequest<?> request, @PathVariable String id) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ANALYST);
        return AlertView.of(handled(() -> alerts.acknowledge(caller.tenant(), id, caller.name(), caller.role())));
    }

    @Post("/{id}/close")
    public AlertView close(HttpRequest<?> request, @PathVariable String id, @Body CloseAlert body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ANALYST);
        Verdict verdict = Verdict.parse(body.verdict());
        return AlertView.of(handled(() -> alerts.close(caller.tenant(), id, verdict, body.note(), caller.name(), caller.role())));
    }

    @Post("/bulk")
    public List<BulkResult> bulk(HttpRequest<?> request, @Body BulkAction body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ANALYST);
        if (body.ids() == null || body.ids().isEmpty()) {
            throw new IllegalArgumentException("'ids' must list at least one alert");
        }
        boolean close = switch (body.action() == null ? "" : body.action().toLowerCase(Locale.ROOT)) {
            case "ack", "acknowledge" -> false;
            case "close" -> true;
            default -> throw new IllegalArgumentException("unknown bulk action '" + body.action() + "': use ack or close");
        };
        Verdict verdict = close ? Verdict.parse(body.verdict()) : null;
        List<BulkResult> results = new ArrayList<>();
        for (String id : body.ids()) {
            try {
                Alert alert = close ? alerts.close(caller.tenant(), id, verdict, body.note(), caller.name(), caller.role())
                        : alerts.acknowledge(caller.tenant(), id, caller.name(), caller.role());
                results.add(new BulkResult(id, true, alert.status().name().toLowerCase(Locale.ROOT)));
            } catch (NoSuchAlertException | AlertStateException e) {
                results.add(new BulkResult(id, false, e.getMessage()));
            }
        }
        return results;
    }

    private static AlertStatus parseStatus(String status) {
        try {
            return AlertStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status '" + status + "': use new, acknowledged or closed");
        }
    }

    private static Alert handled(Supplier<Alert> action) {
        try {
            return action.get();
        } catch (NoSuchAlertException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (AlertStateException e) {
            throw new HttpStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    /** Closing needs a verdict; the note is optional. */
    @Serdeable
    public record CloseAlert(String verdict, @Nullable String note) {
    }

    /** Acknowledge ({@code ack}) or close many alerts at once. */
    @Serdeable
    public record BulkAction(String action, List<String> ids, @Nullable String verdict, @Nullable String note) {
    }

    /** What a bulk action did to one alert. */
    @Serdeable
    public record BulkResult(String id, boolean ok, String message) {
    }

    /** An alert as the API shows it. */
    @Serdeable
    public record AlertView(String id, String ruleId, String title, String level, String kind, List<String> tags, String status,
                            @Nullable String verdict, @Nullable String note, String groupKey, Instant firstSeen,
                            Instant lastSeen, long eventCount, List<String> eventIds, List<MatchedField> matched,
                            Instant createdAt, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt,
                            @Nullable String closedBy, @Nullable Instant closedAt, @Nullable String verdictConsent,
                            @Nullable String verdictPolicyVersion) {
        static AlertView of(Alert a) {
            return new AlertView(a.id(), a.ruleId(), a.title(), a.level().sigmaName(), a.kind().name().toLowerCase(Locale.ROOT),
                    a.tags().isEmpty() ? List.of() : Arrays.asList(a.tags().split(",")), a.status().name().toLowerCase(Locale.ROOT),
                    a.verdict() == null ? null : a.verdict().name().toLowerCase(Locale.ROOT), a.note(), a.groupKey(),
                    a.firstSeen(), a.lastSeen(), a.eventCount(), AlertService.eventIdsOf(a), AlertService.matchedOf(a),
                    a.createdAt(), a.acknowledgedBy(), a.acknowledgedAt(), a.closedBy(), a.closedAt(),
                    a.verdictConsent() == null ? null : a.verdictConsent().toLowerCase(Locale.ROOT), a.verdictPolicyVersion());
        }
    }
}
