-- A verdict is a record the data-use policy governs (it may train the tenant's models): it carries the
-- model-training consent state and the policy version in force when it was given.
ALTER TABLE alerts ADD COLUMN verdict_consent VARCHAR(16) NULL;
ALTER TABLE alerts ADD COLUMN verdict_policy_version VARCHAR(64) NULL;
