package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantIdConverter;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * A row of fleet_sightings: the first time a tenant saw an anonymised artefact, stamped with the tenant's
 * fleet-sharing consent and the policy version in force then, and the most restrictive TLP marking the tenant gave
 * it (a later, stricter sighting raises it; nothing lowers it). Holds a keyed hash only, never raw text.
 */
@MappedEntity("fleet_sightings")
public record FleetSighting(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        ArtefactType artefactType,
        String artefactHash,
        Instant firstSeen,
        ConsentState consentState,
        String policyVersion,
        Tlp tlp) {

    /** This sighting with its marking raised to {@code marking} if that is stricter. */
    public FleetSighting markedAtLeast(Tlp marking) {
        return new FleetSighting(id, tenant, artefactType, artefactHash, firstSeen, consentState, policyVersion,
                tlp.stricter(marking));
    }
}
