package dev.vigil.console.web;

import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import dev.vigil.control.SwitchChange;
import dev.vigil.control.SwitchTarget;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Arrays;

/**
 * {@code GET /switches}: each AI feature's state for the tenant, every stored setting, and for admins the form that
 * flips, clears or dry-runs a switch; {@code POST /switches} applies it through {@link KillSwitches} (which audits).
 *
 * <p>In the console every switch change needs ADMIN, stricter than the API (where an analyst may turn AI off): the
 * console shows analysts and auditors the state only, and refuses their posts with 403. A dry run (preview) changes
 * nothing and is shown on the page.
 */
@Controller("/switches")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SwitchesPage {

    private final KillSwitches switches;

    public SwitchesPage(KillSwitches switches) {
        this.switches = switches;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request) {
        return render(Viewer.of(request), null, HttpStatus.OK);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> change(HttpRequest<?> request, @Nullable @Body String body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        FormBody form = FormBody.parse(body);
        String action = form.text("action") == null ? "" : form.text("action");
        try {
            AiFeature feature = form.text("feature") == null ? null : AiFeature.parse(form.text("feature"));
            boolean tenantScoped = "tenant".equals(form.text("scope"));
            SwitchTarget target = new SwitchTarget(feature, tenantScoped ? caller.tenant() : null, null, null);
            String reason = form.text("reason");
            boolean dryRun = form.text("dryRun") != null;
            SwitchChange change = switch (action) {
                case "on", "off" -> switches.set(target, action.equals("on"), reason, caller.name(), caller.role(),
                        caller.tenant(), dryRun);
                case "clear" -> switches.clear(target, reason, caller.name(), caller.role(), caller.tenant(), dryRun);
                default -> throw new IllegalArgumentException("action must be on, off or clear, was '" + action + "'");
            };
            if (change.applied()) {
                return Page.notice("/switches", target.describe() + ": " + (action.equals("clear") ? "setting cleared"
                        : "AI " + action) + ".");
            }
            return render(Viewer.of(request), change, HttpStatus.OK);
        } catch (IllegalArgumentException e) {
            return Page.error("/switches", e.getMessage());
        }
    }

    private HttpResponse<?> render(Viewer viewer, SwitchChange preview, HttpStatus status) {
        return Page.of("switches", viewer)
                .with("features", Arrays.stream(AiFeature.values()).map(f -> switches.state(f, viewer.principal().tenant())).toList())
                .with("settings", switches.table().settings())
                .with("storeError", switches.storeError().orElse(null))
                .with("preview", preview)
                .with("allFeatures", Arrays.asList(AiFeature.values()))
                .status(status);
    }
}
