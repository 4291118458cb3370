-- Incidents: alerts grouped by the entities they share (host, user, address) within a time window. One row per
-- incident; a merged incident stays as a closed row pointing at the one that absorbed it.
CREATE TABLE incidents (
    id            VARCHAR(16)   NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    title         VARCHAR(500)  NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    opened_at     TIMESTAMP     NOT NULL,
    last_alert_at TIMESTAMP     NOT NULL,
    alert_count   INT           NOT NULL,
    entities      VARCHAR(4000) NOT NULL,
    merged_into   VARCHAR(16)   NULL,
    closed_by     VARCHAR(100)  NULL,
    closed_at     TIMESTAMP     NULL,
    note          VARCHAR(4000) NULL,
    created_at    TIMESTAMP     NOT NULL
);
CREATE INDEX incidents_by_status ON incidents (tenant_id, status, last_alert_at);

CREATE TABLE incident_alerts (
    id          VARCHAR(40)   NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    incident_id VARCHAR(16)   NOT NULL,
    alert_id    VARCHAR(16)   NOT NULL,
    added_at    TIMESTAMP     NOT NULL
);
CREATE INDEX incident_alerts_by_incident ON incident_alerts (tenant_id, incident_id);
CREATE INDEX incident_alerts_by_alert ON incident_alerts (tenant_id, alert_id);
