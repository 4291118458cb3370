package dev.vigil.audit;

import dev.vigil.tenancy.TenantId;

import java.time.Instant;

/**
 * One state change, as recorded in the audit trail.
 *
 * @param sequence      position in the trail, from 1, without gaps
 * @param time          when the change was made
 * @param actor         who made it (user name, token name, or {@code system})
 * @param role          the role the actor acted in ({@code admin}, {@code analyst}, {@code auditor}, {@code system})
 * @param tenant        the tenant whose state changed
 * @param action        what was done, dotted ({@code token.create}, {@code tenant.create})
 * @param object        what it was done to (a token id, a rule id)
 * @param policyVersion the data-use policy version in force
 * @param beforeHash    SHA-256 (hex) of the object's canonical state before, or empty when it did not exist
 * @param afterHash     SHA-256 (hex) of the object's canonical state after, or empty when it no longer exists
 * @param previousHash  the hash of the entry before this one (64 zeros for the first)
 * @param hash          SHA-256 of {@code previousHash ‖ canonical bytes of this entry without its hash}
 */
public record AuditEntry(
        long sequence,
        Instant time,
        String actor,
        String role,
        TenantId tenant,
        String action,
        String object,
        String policyVersion,
        String beforeHash,
        String afterHash,
        String previousHash,
        String hash) {
}
