package dev.vigil.tenancy.users;

import dev.vigil.tenancy.CrossTenant;
import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** The sessions table. */
@JdbcRepository(dialect = Dialect.H2)
public interface SessionRepository extends GenericRepository<Session, String> {

    @CrossTenant("authentication finds the session by its secret's hash first; the session then names its tenant")
    Optional<Session> findById(String id);

    Session save(Session session);

    Session update(Session session);

    void deleteByTenantAndId(TenantId tenant, String id);

    void deleteByTenantAndUserId(TenantId tenant, String userId);

    @CrossTenant("housekeeping removes every tenant's sessions that ended by idleness or age; it reads no data")
    int deleteByLastSeenLessThanOrCreatedAtLessThan(java.time.Instant idleBefore, java.time.Instant createdBefore);
}
