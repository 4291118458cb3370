package dev.vigil.console.web;

import dev.vigil.analyst.similar.SimilarAlerts;
import dev.vigil.analyst.similar.SimilarAlertsResult;
import dev.vigil.analyst.triage.AlertTriage;
import dev.vigil.analyst.triage.TriageService;
import dev.vigil.console.api.TimeExpressions;
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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The alert queue and one alert: {@code GET /alerts} (sorted by triage priority, filtered by status, level, rule,
 * time and text), {@code GET /alerts/{id}} (why it fired, matched fields, events, triage reasons, similar past alerts
 * and their verdicts), and the triage actions {@code POST /alerts/{id}/ack}, {@code POST /alerts/{id}/close} and
 * {@code POST /alerts/bulk}. Reading needs READ, acting ANALYST, exactly as {@code /api/v1/alerts}; every action goes
 * through {@link AlertService}, which writes the audit entry.
 */
@Controller("/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertsPage {

    private final dev.vigil.analyst.incident.IncidentService incidents;

    private final AlertService alerts;
    private final TriageService triage;
    private final SimilarAlerts similar;
    private final Clock clock;

    public AlertsPage(AlertService alerts, TriageService triage, SimilarAlerts similar, Clock clock,
                      dev.vigil.analyst.incident.IncidentService incidents) {
        this.incidents = incidents;
        this.alerts = alerts;
        this.triage = triage;
        this.similar = similar;
        this.clock = clock;
    }

    /** The filters of the queue, echoed into the form. */
    public record Filter(String status, String level, String rule, String since, String q) {
        /** The queue's URL with these filters. */
        public String link() {
            StringBuilder s = new StringBuilder("/alerts?status=").append(enc(status));
            if (!level.isEmpty()) {
                s.append("&level=").append(enc(level));
            }
            if (!rule.isEmpty()) {
                s.append("&rule=").append(enc(rule));
            }
            if (!since.isEmpty()) {
                s.append("&since=").append(enc(since));
            }
            if (!q.isEmpty()) {
                s.append("&q=").append(enc(q));
            }
            return s.toString();
        }

        private static String enc(String v) {
            return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> queue(HttpRequest<?> request, @Nullable @QueryValue String status, @Nullable @QueryValue String level,
                                 @Nullable @QueryValue String rule, @Nullable @QueryValue String since,
                                 @Nullable @QueryValue String q) {
        Viewer viewer = Viewer.of(request);
        Filter filter = new Filter(status == null ? "open" : status, blank(level), blank(rule), blank(since), blank(q));
        Page page = Page.of("alerts", viewer).with("filter", filter);
        try {
            List<Alert> found = new ArrayList<>();
            Instant from = filter.since().isEmpty() ? Instant.EPOCH : TimeExpressions.parse(filter.since(), clock.instant());
            RuleLevel minLevel = filter.level().isEmpty() ? null : RuleLevel.parse(filter.level());
            String ruleId = filter.rule().isEmpty() ? null : filter.rule();
            String text = filter.q().isEmpty() ? null : filter.q();
            for (AlertStatus s : statuses(filter.status())) {
                found.addAll(alerts.list(viewer.principal().tenant(), new AlertQuery(s, minLevel, ruleId, from, text, 500)));
            }
            List<AlertQueue.Row> rows = AlertQueue.sorted(found.stream()
                    .map(a -> new AlertQueue.Row(a, triageOf(viewer.principal(), a))).toList());
            return page.with("rows", rows).with("filterError", null).ok();
        } catch (IllegalArgumentException e) {
            return page.with("rows", List.of()).with("filterError", e.getMessage()).status(HttpStatus.BAD_REQUEST);
        }
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request, @PathVariable String id) {
        Viewer viewer = Viewer.of(request);
        Alert alert = found(() -> alerts.get(viewer.principal().tenant(), id));
        SimilarAlertsResult near;
        try {
            near = similar.nearest(viewer.principal().tenant(), id, 5);
        } catch (RuntimeException e) {
            near = null;
        }
        return Page.of("alert", viewer).with("alert", alert)
                .with("matched", AlertService.matchedOf(alert))
                .with("eventIds", AlertService.eventIdsOf(alert))
                .with("triage", triageOf(viewer.principal(), alert))
                .with("similar", near)
                .with("incident", incidentOf(viewer.principal(), id))
                .ok();
    }

    @Post("/{id}/ack")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> acknowledge(HttpRequest<?> request, @PathVariable String id) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ANALYST);
        String back = "/alerts/" + enc(id);
        try {
            alerts.acknowledge(caller.tenant(), id, caller.name(), caller.role());
            return Page.notice(back, "Acknowledged.");
        } catch (AlertStateException e) {
            return Page.error(back, e.getMessage());
        } catch (NoSuchAlertException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @Post("/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> close(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ANALYST);
        FormBody form = FormBody.parse(body);
        String back = "/alerts/" + enc(id);
        try {
            Verdict verdict = Verdict.parse(form.get("verdict"));
            alerts.close(caller.tenant(), id, verdict, form.text("note"), caller.name(), caller.role());
            return Page.notice(back, "Closed as " + verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        } catch (IllegalArgumentException | AlertStateException e) {
            return Page.error(back, e.getMessage());
        } catch (NoSuchAlertException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @Post("/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> bulk(HttpRequest<?> request, @Nullable @Body String body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ANALYST);
        FormBody form = FormBody.parse(body);
        String back = form.text("back") != null && form.text("back").startsWith("/alerts") ? form.text("back") : "/alerts";
        List<String> ids = form.all("ids");
        if (ids.isEmpty()) {
            return Page.error(back, "Select at least one alert.");
        }
        boolean close = "close".equals(form.get("action"));
        Verdict verdict;
        try {
            verdict = close ? Verdict.parse(form.get("verdict")) : null;
        } catch (IllegalArgumentException e) {
            return Page.error(back, e.getMessage());
        }
        int done = 0;
        List<String> refused = new ArrayList<>();
        for (String id : ids) {
            try {
                if (close) {
                    alerts.close(caller.tenant(), id, verdict, form.text("note"), caller.name(), caller.role());
                } else {
                    alerts.acknowledge(caller.tenant(), id, caller.name(), caller.role());
                }
                done++;
            } catch (NoSuchAlertException | AlertStateException e) {
                refused.add(id + ": " + e.getMessage());
            }
        }
        String summary = (close ? "Closed " : "Acknowledged ") + done + " of " + ids.size() + " alerts.";
        return refused.isEmpty() ? Page.notice(back, summary) : Page.error(back, summary + " " + String.join("; ", refused));
    }

    private dev.vigil.analyst.incident.IncidentView incidentOf(TenantPrincipal caller, String alertId) {
        try {
            return incidents.ofAlert(caller.tenant(), alertId).orElse(null);
        } catch (RuntimeException e) {
            return null; // the alert page still shows the alert
        }
    }

    private AlertTriage triageOf(TenantPrincipal caller, Alert alert) {
        try {
            return triage.triage(caller.tenant(), alert);
        } catch (RuntimeException e) {
            return null; // triage is advice: the queue still shows the alert, ordered last
        }
    }

    private static List<AlertStatus> statuses(String status) {
        return switch (status) {
            case "open" -> List.of(AlertStatus.NEW, AlertStatus.ACKNOWLEDGED);
            case "new" -> List.of(AlertStatus.NEW);
            case "acknowledged" -> List.of(AlertStatus.ACKNOWLEDGED);
            case "closed" -> List.of(AlertStatus.CLOSED);
            case "all" -> List.of(AlertStatus.NEW, AlertStatus.ACKNOWLEDGED, AlertStatus.CLOSED);
            default -> throw new IllegalArgumentException("unknown status '" + status + "': use open, new, acknowledged, closed or all");
        };
    }

    private static Alert found(java.util.function.Supplier<Alert> get) {
        try {
            return get.get();
        } catch (NoSuchAlertException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    private static String blank(String s) {
        return s == null ? "" : s.trim();
    }

    private static String enc(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }
}
