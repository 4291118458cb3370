-- Alerts: one row per alert, folding repeated firings of a rule for one group key inside the dedup window.
CREATE TABLE alerts (
    id              VARCHAR(16)   NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    rule_id         VARCHAR(200)  NOT NULL,
    title           VARCHAR(500)  NOT NULL,
    level           VARCHAR(16)   NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    tags            VARCHAR(2000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    verdict         VARCHAR(20)   NULL,
    note            VARCHAR(4000) NULL,
    group_key       VARCHAR(1000) NOT NULL,
    first_seen      TIMESTAMP     NOT NULL,
    last_seen       TIMESTAMP     NOT NULL,
    event_count     BIGINT        NOT NULL,
    event_ids       CLOB          NOT NULL,
    last_event_seq  BIGINT        NOT NULL,
    matched         CLOB          NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    acknowledged_by VARCHAR(100)  NULL,
    acknowledged_at TIMESTAMP     NULL,
    closed_by       VARCHAR(100)  NULL,
    closed_at       TIMESTAMP     NULL
);
CREATE INDEX alerts_by_status ON alerts (tenant_id, status, last_seen);
CREATE INDEX alerts_by_group ON alerts (tenant_id, rule_id, group_key, status);
