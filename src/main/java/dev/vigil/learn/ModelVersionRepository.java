package dev.vigil.learn;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The model_versions table; every query names the tenant. */
@JdbcRepository(dialect = Dialect.H2)
public interface ModelVersionRepository extends GenericRepository<ModelVersion, String> {

    List<ModelVersion> findByTenantAndModelNameOrderByVersionDesc(TenantId tenant, String modelName);

    Optional<ModelVersion> findByTenantAndId(TenantId tenant, String id);

    Optional<ModelVersion> findByTenantAndModelNameAndLabel(TenantId tenant, String modelName, String label);

    ModelVersion save(ModelVersion version);

    ModelVersion update(ModelVersion version);
}
