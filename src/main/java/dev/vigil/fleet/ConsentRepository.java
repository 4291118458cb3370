package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The consent_history table: insert and read only, never update or delete. */
@JdbcRepository(dialect = Dialect.H2)
public interface ConsentRepository extends GenericRepository<ConsentRecord, String> {

    Optional<ConsentRecord> findFirstByTenantAndScopeOrderBySeqDesc(TenantId tenant, ConsentScope scope);

    List<ConsentRecord> findByTenantOrderByChangedAt(TenantId tenant);

    ConsentRecord save(ConsentRecord record);
}
