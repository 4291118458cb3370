package dev.vigil.learn;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The model_aliases and model_alias_moves tables; every query names the tenant. */
@JdbcRepository(dialect = Dialect.H2)
public interface ModelAliasRepository extends GenericRepository<ModelAlias, String> {

    Optional<ModelAlias> findByTenantAndId(TenantId tenant, String id);

    List<ModelAlias> findByTenantAndModelName(TenantId tenant, String modelName);

    ModelAlias save(ModelAlias alias);

    ModelAlias update(ModelAlias alias);
}
