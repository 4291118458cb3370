-- Fleet promotion path (issue 4): a TLP marking on every sighting, and promotion decisions owned by the fleet tenant
-- with the policy versions they were made under, a HOLD and a REVOKE outcome, and no count below N.

-- Sightings recorded before markings existed carry none; they are treated as TLP:RED, so they can never count
-- (fail closed). New sightings always carry the marking they were made with.
ALTER TABLE fleet_sightings ADD COLUMN tlp VARCHAR(16) DEFAULT 'RED' NOT NULL;

-- promotion_decisions is rebuilt (SQLite cannot change a column's nullability): distinct_tenants becomes nullable,
-- NULL meaning "fewer than N", so no count below N is ever stored; earlier refusals lose their count for that reason.
CREATE TABLE promotion_decisions_v6 (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(63)   NOT NULL REFERENCES tenants (id),
    artefact_type    VARCHAR(32)   NOT NULL,
    artefact_hash    VARCHAR(64)   NOT NULL,
    decision         VARCHAR(16)   NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    distinct_tenants INTEGER       NULL,
    decided_at       TIMESTAMP     NOT NULL,
    policy_version   VARCHAR(64)   NOT NULL,
    promotion_policy VARCHAR(400)  NOT NULL
);
INSERT INTO promotion_decisions_v6 (id, tenant_id, artefact_type, artefact_hash, decision, reason, distinct_tenants,
                                    decided_at, policy_version, promotion_policy)
    SELECT id, 'fleet', artefact_type, artefact_hash, decision, reason,
           CASE WHEN decision = 'PROMOTE' THEN distinct_tenants ELSE NULL END,
           decided_at, 'unknown (before V6)', 'unknown (before V6)'
    FROM promotion_decisions;
DROP TABLE promotion_decisions;
ALTER TABLE promotion_decisions_v6 RENAME TO promotion_decisions;
CREATE INDEX promotion_decisions_by_artefact ON promotion_decisions (tenant_id, artefact_type, artefact_hash, decided_at);
