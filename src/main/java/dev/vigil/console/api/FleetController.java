package dev.vigil.console.api;

import dev.vigil.fleet.FleetPromotion;
import dev.vigil.fleet.FleetReceipts;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What the fleet received and what it promoted, for admins and auditors (ADMIN or READ tokens; analysts are
 * refused): {@code GET /api/v1/fleet/received} and {@code GET /api/v1/fleet/export} (a STIX 2.1 bundle of the
 * promoted, not revoked, artefacts). Neither names a tenant or shows a count of tenants below N.
 */
@Controller("/api/v1/fleet")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FleetController {

    private final FleetReceipts receipts;
    private final FleetPromotion fleet;

    public FleetController(FleetReceipts receipts, FleetPromotion fleet) {
        this.receipts = receipts;
        this.fleet = fleet;
    }

    @Get("/received")
    public ReceivedView received(HttpRequest<?> request) {
        adminOrAuditor(request);
        return new ReceivedView(fleet.status().explanation(), receipts.received());
    }

    @Get(value = "/export", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> export(HttpRequest<?> request) {
        adminOrAuditor(request);
        return HttpResponse.ok(receipts.stix().toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static void adminOrAuditor(HttpRequest<?> request) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        if (caller.scope() != ApiTokenScope.ADMIN && caller.scope() != ApiTokenScope.READ) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "token scope " + caller.scope()
                    + " does not allow this; the fleet's records are for admin and auditor (READ) tokens");
        }
    }

    /** The fleet's one-line status and every artefact it received. */
    @Serdeable
    public record ReceivedView(String fleet, List<FleetReceipts.Received> artefacts) {
    }
}
