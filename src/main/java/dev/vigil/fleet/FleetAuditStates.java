package dev.vigil.fleet;

import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.report.AuditStateLookup;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The after-states of {@code data-use.record} entries (from the ledger, whose rows are never rewritten) and of
 * {@code fleet.sight} entries (from the sighting, while its marking is unchanged).
 */
@Singleton
public class FleetAuditStates implements AuditStateLookup {

    private final DataUseLedger ledger;
    private final FleetPromotion fleet;

    public FleetAuditStates(DataUseLedger ledger, FleetPromotion fleet) {
        this.ledger = ledger;
        this.fleet = fleet;
    }

    @Override
    public Optional<String> afterState(AuditEntry entry) {
        return switch (entry.action()) {
            case "data-use.record" -> ledger.auditState(entry.tenant(), entry.object());
            case "fleet.sight" -> fleet.sightingState(entry.tenant(), entry.object());
            default -> Optional.empty();
        };
    }
}
