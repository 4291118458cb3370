package dev.vigil.fleet;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of promotion_decisions: one decision, positive or negative, about one anonymised artefact, owned by the
 * structural fleet tenant. Every row has a matching audit entry.
 */
@MappedEntity("promotion_decisions")
public record PromotionDecision(
        @Id String id,
        ArtefactType artefactType,
        String artefactHash,
        Outcome decision,
        String reason,
        int distinctTenants,
        Instant decidedAt) {

    /** A decision's outcome. */
    public enum Outcome {
        PROMOTE,
        REFUSE
    }
}
