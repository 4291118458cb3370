package dev.vigil.fleet;

import dev.vigil.tenancy.CrossTenant;
import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The fleet_sightings table. */
@JdbcRepository(dialect = Dialect.H2)
public interface FleetSightingRepository extends GenericRepository<FleetSighting, String> {

    Optional<FleetSighting> findByTenantAndArtefactTypeAndArtefactHash(TenantId tenant, ArtefactType artefactType,
                                                                        String artefactHash);

    @CrossTenant("promotion counts distinct tenants that saw one anonymised artefact; it reads hashes and consent stamps only")
    List<FleetSighting> findByArtefactTypeAndArtefactHash(ArtefactType artefactType, String artefactHash);

    /** Every artefact one tenant saw, for the recount when that tenant withdraws consent. */
    List<FleetSighting> findByTenant(TenantId tenant);

    @CrossTenant("what the fleet received: hashes, consent stamps and markings of every tenant, grouped by artefact")
    List<FleetSighting> findAllOrderByFirstSeen();

    FleetSighting save(FleetSighting sighting);

    FleetSighting update(FleetSighting sighting);
}
