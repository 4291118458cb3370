package dev.vigil.audit;

import java.util.List;

/**
 * The result of recomputing the hash chain.
 *
 * @param valid      true when every entry's sequence, previous hash and hash are as they must be
 * @param entries    how many entries were checked
 * @param firstProblem null when valid, else the first bad entry and what is wrong with it
 */
public record AuditVerification(boolean valid, long entries, String firstProblem) {

    /** Checks a chain read from the trail, oldest first. Pure. */
    public static AuditVerification of(List<AuditEntry> chain) {
        String previous = AuditCanonicalForm.GENESIS;
        long expected = 1;
        for (AuditEntry e : chain) {
            if (e.sequence() != expected) {
                return new AuditVerification(false, chain.size(),
                        "entry " + expected + ": found sequence " + e.sequence() + " (entries deleted or reordered)");
            }
            if (!e.previousHash().equals(previous)) {
                return new AuditVerification(false, chain.size(),
                        "entry " + e.sequence() + ": previous hash does not match entry " + (expected - 1));
            }
            String hash = AuditCanonicalForm.chainHash(previous, AuditCanonicalForm.unhashed(e));
            if (!hash.equals(e.hash())) {
                return new AuditVerification(false, chain.size(), "entry " + e.sequence() + ": content was modified");
            }
            previous = e.hash();
            expected++;
        }
        return new AuditVerification(true, chain.size(), null);
    }
}
