-- Consent as data: an append-only history per tenant and scope; the current state is the row with the highest seq.
CREATE TABLE consent_history (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    scope          VARCHAR(32)   NOT NULL,
    seq            BIGINT        NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    policy_version VARCHAR(64)   NOT NULL,
    changed_at     TIMESTAMP     NOT NULL,
    actor          VARCHAR(100)  NOT NULL,
    reason         VARCHAR(1000) NULL,
    CONSTRAINT consent_history_seq UNIQUE (tenant_id, scope, seq)
);

-- The data-use ledger: every use of a tenant's record by a model or a derived artefact, stamped with the consent
-- state and policy version in force when the use was recorded. Rows are never updated.
CREATE TABLE data_use (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    record_kind    VARCHAR(64)   NOT NULL,
    record_id      VARCHAR(200)  NOT NULL,
    purpose        VARCHAR(32)   NOT NULL,
    used_by        VARCHAR(200)  NOT NULL,
    consent_state  VARCHAR(16)   NOT NULL,
    policy_version VARCHAR(64)   NOT NULL,
    created_at     TIMESTAMP     NOT NULL
);
CREATE INDEX data_use_by_tenant ON data_use (tenant_id, created_at);

-- Fleet sightings: one row per tenant and anonymised artefact (the first sighting), stamped with fleet-sharing consent.
CREATE TABLE fleet_sightings (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    artefact_type  VARCHAR(32)   NOT NULL,
    artefact_hash  VARCHAR(64)   NOT NULL,
    first_seen     TIMESTAMP     NOT NULL,
    consent_state  VARCHAR(16)   NOT NULL,
    policy_version VARCHAR(64)   NOT NULL,
    CONSTRAINT fleet_sightings_once UNIQUE (tenant_id, artefact_type, artefact_hash)
);
CREATE INDEX fleet_sightings_by_artefact ON fleet_sightings (artefact_type, artefact_hash);

-- Every promotion decision, positive or negative; owned by the structural fleet tenant.
CREATE TABLE promotion_decisions (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    artefact_type    VARCHAR(32)   NOT NULL,
    artefact_hash    VARCHAR(64)   NOT NULL,
    decision         VARCHAR(16)   NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    distinct_tenants INTEGER       NOT NULL,
    decided_at       TIMESTAMP     NOT NULL
);
CREATE INDEX promotion_decisions_by_artefact ON promotion_decisions (artefact_type, artefact_hash, decided_at);
