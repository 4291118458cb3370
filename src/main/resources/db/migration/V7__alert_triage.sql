-- Triage of each alert: the model's probability that it is a true positive, the priority shown to analysts, the
-- plain-word reasons, and which model (or fallback) decided. One row per alert, replaced when it is rescored.
CREATE TABLE alert_triage (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    probability    DOUBLE PRECISION NULL,
    priority       VARCHAR(2)    NOT NULL,
    explanation    VARCHAR(2000) NOT NULL,
    model_version  VARCHAR(100)  NOT NULL,
    scored_at      TIMESTAMP     NOT NULL
);
CREATE INDEX alert_triage_by_tenant ON alert_triage (tenant_id, priority);
