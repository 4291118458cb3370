package dev.vigil.learn;

import dev.vigil.tenancy.TenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The model_training_records table: insert and per-tenant read only. */
@JdbcRepository(dialect = Dialect.H2)
public interface TrainingRecordRepository extends GenericRepository<TrainingRecord, String> {

    List<TrainingRecord> findByTenantAndModelIdOrderByRecordedAt(TenantId tenant, String modelId);

    List<TrainingRecord> saveAll(Iterable<TrainingRecord> records);
}
