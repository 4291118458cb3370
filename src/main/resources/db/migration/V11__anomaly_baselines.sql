-- Anomaly baselines carried over a restart: each tenant's snapshot, per tenant and kind (process, logon, volume,
-- progress) rows of up to 500 entities (hosts or users) in least-recently-seen order, their states as a JSON array;
-- entity names the row's first and last. Derived state, rewritten whole per tenant at each snapshot; not audited per
-- write. Plain types only, so the same script runs on H2 and SQLite.
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
