package dev.vigil.tenancy;

/**
 * What an API token may do within its tenant.
 *
 * <ul>
 *   <li>{@code INGEST}: send events (Splunk HEC endpoint and NDJSON bulk); nothing else.</li>
 *   <li>{@code READ}: search, aggregations, status, rules and alerts; no ingest, no changes.</li>
 *   <li>{@code ANALYST}: everything {@code READ} may, plus triage: acknowledge and close alerts with a verdict.</li>
 *   <li>{@code ADMIN}: everything in its tenant, including creating and revoking tokens.</li>
 * </ul>
 */
public enum ApiTokenScope {
    INGEST,
    READ,
    ANALYST,
    ADMIN;

    /** True when a token with this scope may perform an action needing {@code required}. */
    public boolean permits(ApiTokenScope required) {
        return this == ADMIN || this == required || (this == ANALYST && required == READ);
    }
}
