package dev.vigil.console.web;

import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.detect.rules.NoSuchRuleException;
import dev.vigil.detect.rules.RuleFilter;
import dev.vigil.detect.rules.RuleLibrary;
import dev.vigil.detect.rules.RuleTester;
import dev.vigil.detect.sigma.RuleSource;
import dev.vigil.detect.sigma.RuleStatus;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * {@code GET /rules}: the tenant's rules with counts by state, searchable and filtered by state and kind, every rule
 * that is not enabled with its reason; {@code POST /rules/{id}/enable|disable} (ADMIN, audited by
 * {@link RuleLibrary#setEnabled}); {@code POST /rules/test}: a pasted rule run against pasted events (READ, changes
 * nothing), as {@code /api/v1/rules/test}.
 */
@Controller("/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RulesPage {

    private static final int SHOWN = 500;

    private final RuleLibrary library;
    private final RuleTester tester;
    private final ConnectorRegistry connectors;

    public RulesPage(RuleLibrary library, RuleTester tester, ConnectorRegistry connectors) {
        this.library = library;
        this.tester = tester;
        this.connectors = connectors;
    }

    /** The list's filter as typed. */
    public record Filter(String state, String kind, String q) {
    }

    /** The rule-test form as typed. */
    public record TestForm(String yaml, String events, String connector) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String state, @Nullable @QueryValue String kind,
                                @Nullable @QueryValue String q) {
        Viewer viewer = Viewer.of(request);
        Filter filter = new Filter(state == null ? "" : state, kind == null ? "" : kind, q == null ? "" : q);
        return render(viewer, filter, new TestForm("", "", ""), null, null);
    }

    @Post("/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> test(HttpRequest<?> request, @Nullable @Body String body) {
        Viewer viewer = Viewer.of(request);
        FormBody form = FormBody.parse(body);
        TestForm typed = new TestForm(orEmpty(form.get("yaml")), orEmpty(form.get("events")), orEmpty(form.text("connector")));
        if (typed.yaml().isBlank() || typed.events().isBlank()) {
            return render(viewer, new Filter("", "", ""), typed, null, "Paste a rule and at least one event.");
        }
        try {
            RuleTester.Report report = tester.test(List.of(new RuleSource("console:test", typed.yaml())), typed.events(),
                    typed.connector().isEmpty() ? null : typed.connector());
            return render(viewer, new Filter("", "", ""), typed, report, null);
        } catch (IllegalArgumentException e) {
            return render(viewer, new Filter("", "", ""), typed, null, e.getMessage());
        }
    }

    @Post("/{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> enable(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        return setEnabled(request, id, true, FormBody.parse(body));
    }

    @Post("/{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> disable(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        return setEnabled(request, id, false, FormBody.parse(body));
    }

    private HttpResponse<?> setEnabled(HttpRequest<?> request, String id, boolean enabled, FormBody form) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        String back = "/rules?q=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
        try {
            RuleStatus s = library.setEnabled(caller.tenant(), id, enabled, form.text("reason"), caller.name(), caller.role());
            return Page.notice(back, "Rule " + s.title() + " is now " + s.state().name().toLowerCase() + ".");
        } catch (NoSuchRuleException | IllegalArgumentException e) {
            return Page.error(back, e.getMessage());
        }
    }

    private HttpResponse<?> render(Viewer viewer, Filter filter, TestForm test, RuleTester.Report report, String testError) {
        List<RuleStatus> all = library.statuses(viewer.principal().tenant());
        Page page = Page.of("rules", viewer).with("filter", filter).with("total", all.size())
                .with("counts", RuleFilter.countByState(all)).with("test", test).with("report", report)
                .with("testError", testError).with("connectors", connectors.names());
        try {
            List<RuleStatus> selected = RuleFilter.parse(filter.state(), filter.kind(), filter.q()).select(all);
            return page.with("rules", selected.size() > SHOWN ? selected.subList(0, SHOWN) : selected)
                    .with("selected", selected.size()).with("filterError", null)
                    .status(testError == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
        } catch (IllegalArgumentException e) {
            return page.with("rules", List.of()).with("selected", 0).with("filterError", e.getMessage())
                    .status(HttpStatus.BAD_REQUEST);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
