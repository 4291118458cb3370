package dev.vigil.analyst.anomaly;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The anomaly_baselines table; every query names the tenant. */
@JdbcRepository(dialect = Dialect.H2)
public interface BaselineRowRepository extends GenericRepository<BaselineRow, String> {

    List<BaselineRow> findByTenantAndKindOrderBySeqNo(TenantId tenant, String kind);

    void deleteByTenant(TenantId tenant);

    <S extends BaselineRow> List<S> saveAll(Iterable<S> rows);
}
