package dev.vigil.analyst.incident;

import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantIdConverter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * One incident as stored (table {@code incidents}): alerts of one tenant linked by shared entities within the window.
 *
 * @param entities    the entities its alerts name, stored form {@code host:ws-12}, comma-separated
 * @param mergedInto  the incident that absorbed this one (then {@code status} is {@code MERGED})
 */
@MappedEntity("incidents")
public record Incident(
        @Id String id,
        @MappedProperty("tenant_id") @TypeDef(type = DataType.STRING, converter = TenantIdConverter.class) TenantId tenant,
        String title,
        String status,
        Instant openedAt,
        Instant lastAlertAt,
        int alertCount,
        String entities,
        @Nullable String mergedInto,
        @Nullable String closedBy,
        @Nullable Instant closedAt,
        @Nullable String note,
        Instant createdAt) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String MERGED = "MERGED";

    public java.util.Set<Entity> entitySet() {
        java.util.Set<Entity> out = new java.util.TreeSet<>();
        for (String e : entities.split(",")) {
            if (!e.isBlank()) {
                out.add(Entity.parse(e));
            }
        }
        return out;
    }

    public Incident with(Instant last, int count, java.util.Set<Entity> all) {
        return new Incident(id, tenant, title, status, openedAt, last.isAfter(lastAlertAt) ? last : lastAlertAt, count,
                join(all), mergedInto, closedBy, closedAt, note, createdAt);
    }

    public Incident merged(String into) {
        return new Incident(id, tenant, title, MERGED, openedAt, lastAlertAt, alertCount, entities, into, closedBy, closedAt,
                note, createdAt);
    }

    public Incident closed(String by, Instant at, String why) {
        return new Incident(id, tenant, title, CLOSED, openedAt, lastAlertAt, alertCount, entities, mergedInto, by, at, why,
                createdAt);
    }

    /** The stored form of entities, bounded to what the column holds. */
    public static String join(java.util.Set<Entity> all) {
        StringBuilder b = new StringBuilder();
        for (Entity e : new java.util.TreeSet<>(all)) {
            String s = e.toString().replace(",", " ");
            if (b.length() + s.length() + 1 > 3900) {
                break;
            }
            b.append(b.isEmpty() ? "" : ",").append(s);
        }
        return b.toString();
    }
}
