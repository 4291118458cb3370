package dev.vigil.learn;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The model_alias_moves table: insert and per-tenant read only. */
@JdbcRepository(dialect = Dialect.H2)
public interface AliasMoveRepository extends GenericRepository<AliasMove, String> {

    List<AliasMove> findByTenantAndModelNameOrderByMovedAt(TenantId tenant, String modelName);

    AliasMove save(AliasMove move);
}
