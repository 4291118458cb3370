package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantIdConverter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * A row of promotion_decisions: one decision, positive or negative, about one anonymised artefact, owned by the
 * structural fleet tenant and recorded with the data-use policy version and the promotion thresholds in force. Every
 * row has a matching audit entry.
 *
 * @param distinctTenants the distinct consenting tenants that counted, or {@code null} when fewer than N did: no
 *                        count below N is ever recorded
 */
@MappedEntity("promotion_decisions")
public record PromotionDecision(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        ArtefactType artefactType,
        String artefactHash,
        Outcome decision,
        String reason,
        @Nullable Integer distinctTenants,
        Instant decidedAt,
        String policyVersion,
        String promotionPolicy) {

    /** A decision's outcome. */
    public enum Outcome {
        /** Every gate passed: the artefact is promoted (until revoked). */
        PROMOTE,
        /** A gate failed in a fleet that could promote. */
        REFUSE,
        /** The registry holds fewer customer tenants than N (the appliance's fleet of one): nothing can be decided. */
        HOLD,
        /** A promoted artefact no longer qualifies (a tenant withdrew consent): it is no longer exported. */
        REVOKE
    }
}
