package dev.vigil.fleet;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/**
 * The promotion_decisions table: rows of the fleet tenant, inserted and read, never changed. Every query takes the
 * tenant, which is always {@link TenantId#FLEET}.
 */
@JdbcRepository(dialect = Dialect.H2)
public interface PromotionDecisionRepository extends GenericRepository<PromotionDecision, String> {

    List<PromotionDecision> findByTenantAndArtefactTypeAndArtefactHashOrderByDecidedAt(TenantId tenant,
                                                                                       ArtefactType artefactType,
                                                                                       String artefactHash);

    List<PromotionDecision> findByTenantOrderByDecidedAt(TenantId tenant);

    long countByTenantAndDecision(TenantId tenant, PromotionDecision.Outcome decision);

    PromotionDecision save(PromotionDecision decision);
}
