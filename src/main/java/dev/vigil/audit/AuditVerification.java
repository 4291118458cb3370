package dev.vigil.audit;

/**
 * The result of recomputing the hash chain and Merkle tree of the trail.
 *
 * @param valid        true when every entry's sequence, previous hash, hash and the tree are as they must be
 * @param entries      how many entries were checked
 * @param firstProblem null when valid, else the first bad entry and what is wrong with it
 */
public record AuditVerification(boolean valid, long entries, String firstProblem) {
}
