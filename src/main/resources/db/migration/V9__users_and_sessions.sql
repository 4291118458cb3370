-- Console users: local accounts, one tenant each; the user name is unique within its tenant.
-- password_hash is an Argon2id PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash) with a per-user salt.
CREATE TABLE users (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id            VARCHAR(63)  NOT NULL REFERENCES tenants (id),
    username             VARCHAR(64)  NOT NULL,
    password_hash        VARCHAR(200) NOT NULL,
    role                 VARCHAR(16)  NOT NULL,
    disabled             BOOLEAN      NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    failed_attempts      INT          NOT NULL,
    locked_until         TIMESTAMP    NULL,
    created_at           TIMESTAMP    NOT NULL,
    changed_at           TIMESTAMP    NOT NULL,
    CONSTRAINT users_name_per_tenant UNIQUE (tenant_id, username)
);

-- Console sessions: the id is the SHA-256 of the 256-bit secret in the VIGIL_SESSION cookie (the secret is never
-- stored); csrf_token is the token every state-changing request of the session must carry.
CREATE TABLE sessions (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(63) NOT NULL REFERENCES tenants (id),
    user_id    VARCHAR(36) NOT NULL REFERENCES users (id),
    created_at TIMESTAMP   NOT NULL,
    last_seen  TIMESTAMP   NOT NULL,
    csrf_token VARCHAR(64) NOT NULL
);
CREATE INDEX sessions_user ON sessions (tenant_id, user_id);
