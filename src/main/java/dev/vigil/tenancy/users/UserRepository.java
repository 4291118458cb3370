package dev.vigil.tenancy.users;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The users table; every read names the tenant. */
@JdbcRepository(dialect = Dialect.H2)
public interface UserRepository extends GenericRepository<User, String> {

    Optional<User> findByTenantAndUsername(TenantId tenant, String username);

    Optional<User> findByTenantAndId(TenantId tenant, String id);

    List<User> findByTenantOrderByUsername(TenantId tenant);

    long countByTenantAndRoleAndDisabled(TenantId tenant, UserRole role, boolean disabled);

    User save(User user);

    User update(User user);
}
