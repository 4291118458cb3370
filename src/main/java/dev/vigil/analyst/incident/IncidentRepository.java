package dev.vigil.analyst.incident;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The incidents table; every query names the tenant. */
@JdbcRepository(dialect = Dialect.H2)
public interface IncidentRepository extends GenericRepository<Incident, String> {

    Optional<Incident> findByTenantAndId(TenantId tenant, String id);

    /** Open incidents whose last alert is at or after {@code since}: the ones a new alert may join. */
    List<Incident> findByTenantAndStatusAndLastAlertAtGreaterThanEquals(TenantId tenant, String status, Instant since);

    List<Incident> findByTenantAndStatusOrderByLastAlertAtDesc(TenantId tenant, String status, Pageable page);

    List<Incident> findByTenantOrderByLastAlertAtDesc(TenantId tenant, Pageable page);

    Incident save(Incident incident);

    Incident update(Incident incident);
}
