package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;

/**
 * Thrown when a governed use is attempted without the tenant's consent in force; the use must not happen. The
 * message names the tenant, the scope, the effective state and the policy version.
 */
public final class ConsentRequiredException extends IllegalStateException {

    private final transient ConsentStamp stamp;

    public ConsentRequiredException(TenantId tenant, ConsentScope scope, ConsentStamp stamp) {
        super("tenant " + tenant + " has not granted " + scope.external() + " consent under policy "
                + stamp.policyVersion() + " (state: " + stamp.state().external() + "); the record was not used");
        this.stamp = stamp;
    }

    public ConsentStamp stamp() {
        return stamp;
    }
}
