package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;

import java.util.Objects;

/**
 * Published by {@link ConsentService#withdraw} inside the withdrawing transaction, after the withdrawal is recorded
 * and audited: synchronous listeners act in the same transaction.
 */
public record ConsentWithdrawn(TenantId tenant, ConsentScope scope) {

    public ConsentWithdrawn {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(scope, "scope");
    }
}
