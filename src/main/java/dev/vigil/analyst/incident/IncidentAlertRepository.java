package dev.vigil.analyst.incident;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The incident_alerts table; every query names the tenant. */
@JdbcRepository(dialect = Dialect.H2)
public interface IncidentAlertRepository extends GenericRepository<IncidentAlert, String> {

    List<IncidentAlert> findByTenantAndIncidentId(TenantId tenant, String incidentId);

    Optional<IncidentAlert> findFirstByTenantAndAlertId(TenantId tenant, String alertId);

    IncidentAlert save(IncidentAlert membership);

    IncidentAlert update(IncidentAlert membership);
}
