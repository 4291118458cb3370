package dev.vigil.detect.rules;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The rule_sources table; every read names the tenant. */
@JdbcRepository(dialect = Dialect.H2)
public interface RuleSourceRepository extends GenericRepository<StoredRuleSource, String> {

    List<StoredRuleSource> findByTenantOrderByOrigin(TenantId tenant);

    Optional<StoredRuleSource> findByTenantAndOrigin(TenantId tenant, String origin);

    StoredRuleSource save(StoredRuleSource source);

    StoredRuleSource update(StoredRuleSource source);

    void deleteByTenantAndOrigin(TenantId tenant, String origin);
}
