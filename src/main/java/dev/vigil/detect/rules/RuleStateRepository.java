package dev.vigil.detect.rules;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The rule_states table; every read names the tenant. */
@JdbcRepository(dialect = Dialect.H2)
public interface RuleStateRepository extends GenericRepository<StoredRuleState, String> {

    List<StoredRuleState> findByTenant(TenantId tenant);

    Optional<StoredRuleState> findByTenantAndRuleId(TenantId tenant, String ruleId);

    StoredRuleState save(StoredRuleState state);

    StoredRuleState update(StoredRuleState state);
}
