package dev.vigil.audit.report;

import dev.vigil.audit.AuditEntry;

import java.util.Optional;

/**
 * Recovers the exact after-state text of an audit entry from where the capability keeps it (the entry itself holds
 * only its SHA-256), so an assessor report can show what the entry means and the verifier can prove it.
 *
 * <p>Guarantees of every implementation: returns a text only when it is byte for byte the state that was audited
 * (the verifier rejects a report whose state does not hash to the entry's after-hash); empty otherwise; only ever
 * the entry's own tenant's data.
 */
public interface AuditStateLookup {

    /** The after-state of {@code entry}, when this lookup knows the entry's action and still holds the object. */
    Optional<String> afterState(AuditEntry entry);
}
