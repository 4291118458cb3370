package dev.vigil.tenancy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of a tenant: the customer organisation that owns a record, an event, a token or a model.
 *
 * <p>Guarantees: a {@code TenantId} is never blank and always matches {@code [a-z0-9][a-z0-9_-]{0,62}}, so it is safe
 * to use as a directory name, a Lucene term and a SQL parameter without further escaping. Two ids are equal exactly
 * when their text is equal. Every store and repository method that reads tenant data takes one, so a query without a
 * tenant cannot be written.
 */
public record TenantId(String value) implements Comparable<TenantId> {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    /** The structural tenant that owns fleet-level (cross-tenant, derived-only) artefacts. */
    public static final TenantId FLEET = new TenantId("fleet");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "invalid tenant id '" + value + "': use 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
    }

    /** Parses user input, naming the problem when it is not a valid tenant id. */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** True for the structural fleet tenant. */
    public boolean isFleet() {
        return this.equals(FLEET);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
