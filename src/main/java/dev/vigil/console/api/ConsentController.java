package dev.vigil.console.api;

import dev.vigil.fleet.ConsentRecord;
import dev.vigil.fleet.ConsentScope;
import dev.vigil.fleet.ConsentService;
import dev.vigil.fleet.ConsentStatus;
import dev.vigil.fleet.DataUseLedger;
import dev.vigil.fleet.DataUseReport;
import dev.vigil.fleet.FleetPromotion;
import dev.vigil.fleet.FleetStatus;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * Consent, data use and the fleet, for the caller's tenant: {@code GET /api/v1/consent} and
 * {@code POST /api/v1/consent/{scope}/grant|withdraw} (admin), {@code GET /api/v1/data-use} and
 * {@code GET /api/v1/fleet/status} (read). An unknown scope is a 400 naming the scopes.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsentController {

    private final ConsentService consent;
    private final DataUseLedger ledger;
    private final FleetPromotion fleet;

    public ConsentController(ConsentService consent, DataUseLedger ledger, FleetPromotion fleet) {
        this.consent = consent;
        this.ledger = ledger;
        this.fleet = fleet;
    }

    @Get("/consent")
    public ConsentView show(HttpRequest<?> request) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        return view(caller);
    }

    @Post("/consent/{scope}/grant")
    public ConsentView grant(HttpRequest<?> request, @PathVariable String scope, @Nullable @Body ChangeRequest body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        consent.grant(caller.tenant(), ConsentScope.parse(scope), body == null ? null : body.reason(), caller.name(),
                caller.role());
        return view(caller);
    }

    @Post("/consent/{scope}/withdraw")
    public ConsentView withdraw(HttpRequest<?> request, @PathVariable String scope, @Nullable @Body ChangeRequest body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        consent.withdraw(caller.tenant(), ConsentScope.parse(scope), body == null ? null : body.reason(), caller.name(),
                caller.role());
        return view(caller);
    }

    @Get("/data-use")
    public DataUseReport dataUse(HttpRequest<?> request) {
        return ledger.report(Principals.require(request, ApiTokenScope.READ).tenant());
    }

    @Get("/fleet/status")
    public FleetStatus fleetStatus(HttpRequest<?> request) {
        Principals.require(request, ApiTokenScope.READ);
        return fleet.status();
    }

    private ConsentView view(TenantPrincipal caller) {
        return new ConsentView(caller.tenant().value(), consent.policyInForce(), consent.show(caller.tenant()),
                consent.history(caller.tenant()).stream().map(Change::of).toList());
    }

    /** The body of a grant or withdraw: why. */
    @Serdeable
    public record ChangeRequest(@Nullable String reason) {
    }

    /** The tenant's consent now and its full history. */
    @Serdeable
    public record ConsentView(String tenant, String policyInForce, List<ConsentStatus> scopes, List<Change> history) {
    }

    /** One recorded change. */
    @Serdeable
    public record Change(String scope, String state, String policyVersion, Instant changedAt, String actor,
                         @Nullable String reason) {
        static Change of(ConsentRecord r) {
            return new Change(r.scope().external(), r.state().external(), r.policyVersion(), r.changedAt(), r.actor(),
                    r.reason());
        }
    }
}
