package dev.vigil.detect.alert;

import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.report.AuditStateLookup;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The after-states of {@code alert.close} entries (the verdict, its analyst, consent and policy), rebuilt from the
 * closed alert, which no later action changes.
 */
@Singleton
public class AlertAuditStates implements AuditStateLookup {

    private final AlertRepository alerts;

    public AlertAuditStates(AlertRepository alerts) {
        this.alerts = alerts;
    }

    @Override
    public Optional<String> afterState(AuditEntry entry) {
        if (!entry.action().equals("alert.close")) {
            return Optional.empty();
        }
        return alerts.findByTenantAndId(entry.tenant(), entry.object()).map(AlertService::auditState);
    }
}
