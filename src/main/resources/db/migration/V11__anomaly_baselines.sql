-- Anomaly baselines carried over a restart: each tenant's snapshot, one row per tenant, kind (process, logon, volume,
-- progress) and entity (host or user), the entity's state as JSON. Derived state, rewritten whole per tenant at each
-- snapshot; not audited per write. Plain types only, so the same script runs on H2 and SQLite.
CREATE TABLE anomaly_baselines (
    id          VARCHAR(120)  NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    kind        VARCHAR(16)   NOT NULL,
    seq_no      INT           NOT NULL,
    entity      VARCHAR(1000) NOT NULL,
    payload     CLOB          NOT NULL,
    saved_at    TIMESTAMP     NOT NULL
);
CREATE INDEX anomaly_baselines_by_kind ON anomaly_baselines (tenant_id, kind, seq_no);
