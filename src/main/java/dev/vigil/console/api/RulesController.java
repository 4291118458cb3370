package dev.vigil.console.api;

import dev.vigil.detect.MatchedField;
import dev.vigil.detect.rules.ImportReport;
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
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/v1/rules}: the caller's tenant's detection rules and filters: list (with the reason for every rule that
 * is not enabled), show, add, import, remove, enable, disable, and test rules against pasted events. Reading needs
 * {@code READ}; changing needs {@code ADMIN}.
 */
@Controller("/api/v1/rules")
@SerdeImport(RuleStatus.class)
@SerdeImport(ImportReport.class)
@SerdeImport(RuleTester.Report.class)
@SerdeImport(RuleTester.Hit.class)
@SerdeImport(MatchedField.class)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RulesController {

    private final RuleLibrary library;
    private final RuleTester tester;

    public RulesController(RuleLibrary library, RuleTester tester) {
        this.library = library;
        this.tester = tester;
    }

    @Get
    public RuleList list(HttpRequest<?> request, @Nullable @QueryValue String state, @Nullable @QueryValue String kind,
                         @Nullable @QueryValue String q) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        List<RuleStatus> all = library.statuses(caller.tenant());
        List<RuleStatus> selected = RuleFilter.parse(state, kind, q).select(all);
        return new RuleList(all.size(), RuleFilter.countByState(all), selected);
    }

    @Get("/{id}")
    public RuleDetail show(HttpRequest<?> request, @PathVariable String id) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        RuleStatus status = found(() -> library.status(caller.tenant(), id).orElseThrow(() -> new NoSuchRuleException("no rule " + id)));
        return new RuleDetail(status, library.text(caller.tenant(), id).orElse(""));
    }

    @Post
    public HttpResponse<List<RuleStatus>> add(HttpRequest<?> request, @Body AddRule body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        if (body.name() == null || body.name().isBlank() || !body.name().matches("[A-Za-z0-9_./-]{1,200}") || body.name().contains("..")) {
            throw new IllegalArgumentException("a rule needs a file name of letters, digits, '_', '-', '.', '/' (e.g. my_rules/lsass.yml)");
        }
        if (body.yaml() == null || body.yaml().isBlank()) {
            throw new IllegalArgumentException("the rule text ('yaml') is empty");
        }
        return HttpResponse.status(HttpStatus.CREATED).body(library.add(caller.tenant(), body.name(), body.yaml(), caller.name(), caller.role()));
    }

    @Post("/import")
    public ImportReport importDirectory(HttpRequest<?> request, @Body ImportRules body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        if (body.directory() == null || body.directory().isBlank()) {
            throw new IllegalArgumentException("'directory' is required: a directory on the appliance holding Sigma .yml files");
        }
        return library.importDirectory(caller.tenant(), Path.of(body.directory()), caller.name(), caller.role());
    }

    @Delete("/{id}")
    public HttpResponse<Void> remove(HttpRequest<?> request, @PathVariable String id) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        found(() -> {
            library.remove(caller.tenant(), id, caller.name(), caller.role());
            return null;
        });
        return HttpResponse.noContent();
    }

    @Post("/{id}/enable")
    public RuleStatus enable(HttpRequest<?> request, @PathVariable String id, @Nullable @Body Reason body) {
        return setEnabled(request, id, true, body);
    }

    @Post("/{id}/disable")
    public RuleStatus disable(HttpRequest<?> request, @PathVariable String id, @Nullable @Body Reason body) {
        return setEnabled(request, id, false, body);
    }

    @Post("/test")
    public RuleTester.Report test(HttpRequest<?> request, @Body TestRules body) {
        Principals.require(request, ApiTokenScope.READ);
        if (body.yaml() == null || body.yaml().isBlank() || body.events() == null || body.events().isBlank()) {
            throw new IllegalArgumentException("'yaml' (the rule) and 'events' (one or more events) are both required");
        }
        return tester.test(List.of(new RuleSource("api:test", body.yaml())), body.events(), body.connector());
    }

    private RuleStatus setEnabled(HttpRequest<?> request, String id, boolean enabled, Reason body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return found(() -> library.setEnabled(caller.tenant(), id, enabled, body == null ? null : body.reason(), caller.name(), caller.role()));
    }

    private static <T> T found(Supplier<T> action) {
        try {
            return action.get();
        } catch (NoSuchRuleException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    /** The list answer: totals by state and the selected rules. */
    @Serdeable
    public record RuleList(int total, Map<String, Integer> byState, List<RuleStatus> rules) {
    }

    /** One rule with the text of the file that holds it. */
    @Serdeable
    public record RuleDetail(RuleStatus status, String text) {
    }

    /** A rule file to add. */
    @Serdeable
    public record AddRule(String name, String yaml) {
    }

    /** A directory on the appliance to import. */
    @Serdeable
    public record ImportRules(String directory) {
    }

    /** Why a rule is switched on or off. */
    @Serdeable
    public record Reason(@Nullable String reason) {
    }

    /** Rules to try on pasted events. */
    @Serdeable
    public record TestRules(String yaml, String events, @Nullable String connector) {
    }
}
