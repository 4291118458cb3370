-- Tenants: the customer tenant (created at first start) and the structural fleet tenant.
CREATE TABLE tenants (
    id           VARCHAR(63)  NOT NULL PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);

-- API tokens: bound to one tenant; only the SHA-256 of the secret is kept.
CREATE TABLE api_tokens (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(63)  NOT NULL REFERENCES tenants (id),
    name       VARCHAR(100) NOT NULL,
    scope      VARCHAR(16)  NOT NULL,
    token_hash VARCHAR(64)  NOT NULL UNIQUE,
    created_at TIMESTAMP    NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    revoked_at TIMESTAMP    NULL,
    CONSTRAINT api_tokens_name_per_tenant UNIQUE (tenant_id, name)
);
