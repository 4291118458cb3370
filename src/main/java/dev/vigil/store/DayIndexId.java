package dev.vigil.store;

import dev.vigil.tenancy.TenantId;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Names one index: a tenant's events of one UTC day, kept in {@code <root>/<tenant>/<yyyy-MM-dd>/}.
 *
 * <p>Guarantees: the directory is derived only from the tenant (already safe as a path segment) and the ISO date.
 */
public record DayIndexId(TenantId tenant, LocalDate day) implements Comparable<DayIndexId> {

    public DayIndexId {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(day, "day");
    }

    /** The index an event with this timestamp belongs to. */
    public static DayIndexId of(TenantId tenant, Instant timestamp) {
        return new DayIndexId(tenant, LocalDate.ofInstant(timestamp, ZoneOffset.UTC));
    }

    /** The index directory under the store root. */
    public Path directory(Path root) {
        return root.resolve(tenant.value()).resolve(day.toString());
    }

    /** First instant of the day. */
    public Instant start() {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** First instant after the day. */
    public Instant end() {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public int compareTo(DayIndexId other) {
        int byTenant = tenant.compareTo(other.tenant);
        return byTenant != 0 ? byTenant : day.compareTo(other.day);
    }

    @Override
    public String toString() {
        return tenant + "/" + day;
    }
}
