package dev.vigil.tenancy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The tenants table. Listing all tenants is the one cross-tenant read the registry needs. */
@JdbcRepository(dialect = Dialect.H2)
public interface TenantRepository extends GenericRepository<Tenant, TenantId> {

    Optional<Tenant> findById(TenantId id);

    boolean existsById(TenantId id);

    Tenant save(Tenant tenant);

    @CrossTenant("the registry lists every tenant to open their stores and show the fleet view")
    List<Tenant> findAll();
}
