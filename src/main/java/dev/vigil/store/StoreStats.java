package dev.vigil.store;

import dev.vigil.tenancy.TenantId;

import java.time.LocalDate;

/**
 * Size of one tenant's events on disk.
 *
 * <p>Guarantees: {@code documents} counts events searchable now (committed or not); {@code oldestDay} and
 * {@code newestDay} are null exactly when {@code dayIndexes} is 0.
 */
public record StoreStats(TenantId tenant, long documents, int dayIndexes, long bytesOnDisk, LocalDate oldestDay,
                         LocalDate newestDay) {
}
