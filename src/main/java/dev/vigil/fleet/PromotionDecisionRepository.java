package dev.vigil.fleet;

import dev.vigil.tenancy.CrossTenant;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The promotion_decisions table: fleet-level rows, inserted and read, never changed. */
@JdbcRepository(dialect = Dialect.H2)
public interface PromotionDecisionRepository extends GenericRepository<PromotionDecision, String> {

    @CrossTenant("decisions belong to the structural fleet tenant and hold an anonymised hash and a count only")
    List<PromotionDecision> findByArtefactTypeAndArtefactHashOrderByDecidedAt(ArtefactType artefactType, String artefactHash);

    @CrossTenant("the count of promotions is a fleet-level figure")
    long countByDecision(PromotionDecision.Outcome decision);

    PromotionDecision save(PromotionDecision decision);
}
