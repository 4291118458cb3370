package dev.vigil.audit;

import dev.vigil.tenancy.TenantId;

import java.util.Objects;

/**
 * What a caller asks the trail to record; the trail adds sequence, time and hashes.
 *
 * @param before the object's canonical state before the change (any stable text, e.g. JSON), or null if it did not exist
 * @param after  the object's canonical state after the change, or null if it no longer exists
 */
public record AuditRecord(String actor, String role, TenantId tenant, String action, String object, String before,
                          String after) {

    public AuditRecord {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(object, "object");
    }
}
