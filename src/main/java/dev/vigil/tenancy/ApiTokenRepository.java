package dev.vigil.tenancy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The api_tokens table. */
@JdbcRepository(dialect = Dialect.H2)
public interface ApiTokenRepository extends GenericRepository<ApiToken, String> {

    @CrossTenant("authentication finds the token first; the token then names its tenant")
    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByTenantOrderByCreatedAt(TenantId tenant);

    Optional<ApiToken> findByTenantAndName(TenantId tenant, String name);

    ApiToken save(ApiToken token);

    ApiToken update(ApiToken token);
}
