package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The data_use table: insert and per-tenant read only. */
@JdbcRepository(dialect = Dialect.H2)
public interface DataUseRepository extends GenericRepository<DataUse, String> {

    List<DataUse> findByTenantOrderByCreatedAt(TenantId tenant);

    java.util.Optional<DataUse> findByTenantAndId(TenantId tenant, String id);

    DataUse save(DataUse use);
}
