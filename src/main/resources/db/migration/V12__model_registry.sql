-- Feedback learning. Each alert's triage keeps the feature vector it was scored with (and the schema it follows), so
-- a verdict trains on exactly what the model saw when the alert was raised: no training/serving skew, no hindsight.
ALTER TABLE alert_triage ADD COLUMN features VARCHAR(2000) NULL;
ALTER TABLE alert_triage ADD COLUMN schema_hash VARCHAR(64) NULL;

-- The model registry: one row per model version a tenant has (the factory model it started from, and each
-- challenger trained from its verdicts), with the artifact's SHA-256, the feature schema, the code that trained it,
-- its metrics on held-out verdicts next to the champion's, and its status with the reason.
CREATE TABLE model_versions (
    id              VARCHAR(100)  NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    model_name      VARCHAR(32)   NOT NULL,
    version         INT           NOT NULL,
    label           VARCHAR(100)  NOT NULL,
    artifact_sha256 VARCHAR(64)   NOT NULL,
    schema_hash     VARCHAR(64)   NOT NULL,
    code_version    VARCHAR(64)   NOT NULL,
    parent_label    VARCHAR(100)  NULL,
    status          VARCHAR(16)   NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    metrics         CLOB          NOT NULL,
    training        CLOB          NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP     NOT NULL
);
CREATE UNIQUE INDEX model_versions_by_label ON model_versions (tenant_id, model_name, label);

-- The records (verdicts) each version was trained or evaluated on, with the consent and policy under which each
-- verdict was given: the answer to "what of my data trained which model, when, under which policy".
CREATE TABLE model_training_records (
    id              VARCHAR(140)  NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    model_id        VARCHAR(100)  NOT NULL,
    record_kind     VARCHAR(32)   NOT NULL,
    record_id       VARCHAR(64)   NOT NULL,
    split           VARCHAR(16)   NOT NULL,
    label           VARCHAR(20)   NOT NULL,
    consent_state   VARCHAR(16)   NOT NULL,
    policy_version  VARCHAR(64)   NOT NULL,
    recorded_at     TIMESTAMP     NOT NULL,
    used_at         TIMESTAMP     NOT NULL
);
CREATE INDEX model_training_records_by_model ON model_training_records (tenant_id, model_id);

-- Where each alias (champion, previous) points, and every move of it with who, when and why.
CREATE TABLE model_aliases (
    id          VARCHAR(140)  NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    model_name  VARCHAR(32)   NOT NULL,
    alias       VARCHAR(16)   NOT NULL,
    model_id    VARCHAR(100)  NOT NULL,
    moved_by    VARCHAR(100)  NOT NULL,
    moved_at    TIMESTAMP     NOT NULL,
    reason      VARCHAR(2000) NOT NULL
);
CREATE TABLE model_alias_moves (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    model_name  VARCHAR(32)   NOT NULL,
    alias       VARCHAR(16)   NOT NULL,
    from_model  VARCHAR(100)  NULL,
    to_model    VARCHAR(100)  NOT NULL,
    moved_by    VARCHAR(100)  NOT NULL,
    moved_at    TIMESTAMP     NOT NULL,
    reason      VARCHAR(2000) NOT NULL
);
CREATE INDEX model_alias_moves_by_tenant ON model_alias_moves (tenant_id, model_name, moved_at);
