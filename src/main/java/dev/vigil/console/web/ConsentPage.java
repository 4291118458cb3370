package dev.vigil.console.web;

import dev.vigil.fleet.ConsentScope;
import dev.vigil.fleet.ConsentService;
import dev.vigil.fleet.DataUseLedger;
import dev.vigil.fleet.FleetPromotion;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /consent}: the tenant's consent per scope with its history, the data-use report (what of the tenant's
 * data was used for what, under which consent) and the fleet's status ("fleet of one" when this appliance is alone);
 * {@code POST /consent/{scope}/grant|withdraw} (ADMIN, audited by {@link ConsentService}), as {@code /api/v1/consent}.
 */
@Controller("/consent")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsentPage {

    private final ConsentService consent;
    private final DataUseLedger ledger;
    private final FleetPromotion fleet;

    public ConsentPage(ConsentService consent, DataUseLedger ledger, FleetPromotion fleet) {
        this.consent = consent;
        this.ledger = ledger;
        this.fleet = fleet;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request) {
        Viewer viewer = Viewer.of(request);
        return Page.of("consent", viewer)
                .with("policy", consent.policyInForce())
                .with("scopes", consent.show(viewer.principal().tenant()))
                .with("history", consent.history(viewer.principal().tenant()).reversed())
                .with("report", ledger.report(viewer.principal().tenant()))
                .with("fleet", fleet.status())
                .ok();
    }

    @Post("/{scope}/grant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> grant(HttpRequest<?> request, @PathVariable String scope, @Nullable @Body String body) {
        return change(request, scope, true, FormBody.parse(body));
    }

    @Post("/{scope}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> withdraw(HttpRequest<?> request, @PathVariable String scope, @Nullable @Body String body) {
        return change(request, scope, false, FormBody.parse(body));
    }

    private HttpResponse<?> change(HttpRequest<?> request, String scope, boolean grant, FormBody form) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        try {
            ConsentScope parsed = ConsentScope.parse(scope);
            if (grant) {
                consent.grant(caller.tenant(), parsed, form.text("reason"), caller.name(), caller.role());
            } else {
                consent.withdraw(caller.tenant(), parsed, form.text("reason"), caller.name(), caller.role());
            }
            return Page.notice("/consent", "Consent to " + scope + (grant ? " granted." : " withdrawn."));
        } catch (IllegalArgumentException e) {
            return Page.error("/consent", e.getMessage());
        }
    }
}
