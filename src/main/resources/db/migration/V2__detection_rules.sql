-- Detection content a tenant's users added (imported directories, single rules, filters); factory and bundle
-- content is read from files. One row per source file; a file may hold several Sigma documents.
CREATE TABLE rule_sources (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(63)  NOT NULL REFERENCES tenants (id),
    origin         VARCHAR(500) NOT NULL,
    content        CLOB         NOT NULL,
    content_sha256 VARCHAR(64)  NOT NULL,
    added_by       VARCHAR(100) NOT NULL,
    added_at       TIMESTAMP    NOT NULL,
    CONSTRAINT rule_sources_origin_per_tenant UNIQUE (tenant_id, origin)
);

-- Rules and filters a tenant's users switched off (or back on), by rule id, whatever content holds them.
CREATE TABLE rule_states (
    id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    rule_id    VARCHAR(200)  NOT NULL,
    enabled    BOOLEAN       NOT NULL,
    reason     VARCHAR(1000) NULL,
    changed_by VARCHAR(100)  NOT NULL,
    changed_at TIMESTAMP     NOT NULL,
    CONSTRAINT rule_states_rule_per_tenant UNIQUE (tenant_id, rule_id)
);
