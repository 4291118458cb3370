package dev.vigil.analyst.triage;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The alert_triage table; every read names the tenant. */
@JdbcRepository(dialect = Dialect.H2)
public interface AlertTriageRepository extends GenericRepository<AlertTriage, String> {

    Optional<AlertTriage> findByTenantAndId(TenantId tenant, String id);

    boolean existsByTenantAndId(TenantId tenant, String id);

    List<AlertTriage> findByTenantAndIdIn(TenantId tenant, java.util.Collection<String> ids);

    AlertTriage save(AlertTriage triage);

    AlertTriage update(AlertTriage triage);
}
