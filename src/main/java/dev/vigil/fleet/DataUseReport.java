package dev.vigil.fleet;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "what of my data trained which model, when, under which policy?" for one tenant.
 *
 * @param tenant        the tenant asked about
 * @param policyInForce the data-use policy version in force now
 * @param consent       the tenant's consent now, per scope
 * @param summary       one sentence; for an empty ledger exactly {@link DataUseLedger#NOTHING_USED}
 * @param uses          one entry per model or artefact that used the tenant's data, in order of first use
 */
@Serdeable
public record DataUseReport(String tenant, String policyInForce, List<ConsentStatus> consent, String summary,
                            List<Use> uses) {

    /**
     * What one model or artefact used.
     *
     * @param usedBy  the model or artefact, e.g. {@code model:triage-v3} or {@code fleet:indicator-hash:ab12…}
     * @param purpose the consent scope that governed the use
     * @param records every record used, with when and under which consent and policy
     */
    @Serdeable
    public record Use(String usedBy, String purpose, Instant firstUse, Instant lastUse, List<UsedRecord> records) {
    }

    /** One record used: its kind and id, when, and the consent state and policy version stamped at that time. */
    @Serdeable
    public record UsedRecord(String kind, String id, Instant usedAt, String consentState, String policyVersion) {
    }
}
