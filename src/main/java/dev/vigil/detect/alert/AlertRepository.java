package dev.vigil.detect.alert;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The alerts table; every read names the tenant. */
@JdbcRepository(dialect = Dialect.H2)
public interface AlertRepository extends GenericRepository<Alert, String> {

    Optional<Alert> findByTenantAndId(TenantId tenant, String id);

    List<Alert> findByTenantAndRuleIdAndGroupKeyAndStatusNotEqualOrderByLastSeenDesc(TenantId tenant, String ruleId,
                                                                                     String groupKey, AlertStatus status);

    /** The alert of this rule and group holding the highest event sequence: what replay checks against. */
    Optional<Alert> findFirstByTenantAndRuleIdAndGroupKeyOrderByLastEventSeqDesc(TenantId tenant, String ruleId, String groupKey);

    List<Alert> findByTenantAndLastSeenGreaterThanEqualsOrderByLastSeenDesc(TenantId tenant, Instant since, Pageable page);

    /** The tenant's alerts that carry a verdict, most recently raised first: what feedback learning reads. */
    List<Alert> findByTenantAndVerdictIsNotNullOrderByFirstSeenDesc(TenantId tenant, Pageable page);

    /** How many of the tenant's alerts carry a verdict given after {@code since}: whether a retrain is due. */
    long countByTenantAndVerdictIsNotNullAndClosedAtGreaterThan(TenantId tenant, Instant since);

    List<Alert> findByTenantAndIdIn(TenantId tenant, java.util.Collection<String> ids);

    Alert save(Alert alert);

    Alert update(Alert alert);
}
