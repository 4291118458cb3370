package dev.vigil.audit;

import dev.vigil.audit.merkle.MerkleFrontier;
import dev.vigil.audit.merkle.MerkleHasher;

import java.nio.charset.StandardCharsets;

/**
 * Checks a trail line by line, in order: each line must be a complete entry in canonical form, with the next
 * sequence number, the previous entry's hash and its own correct chain hash; it also folds every line into the
 * Merkle frontier. Records the first problem, naming the entry. Pure; one instance per pass; not thread-safe.
 */
public final class AuditChainCheck {

    private final MerkleHasher hasher = new MerkleHasher();
    private final MerkleFrontier frontier = new MerkleFrontier(hasher);
    private String previous = AuditCanonicalForm.GENESIS;
    private long count;
    private String problem;
    private long firstBad;

    /** Checks the next line (without its newline). After a problem, lines still extend the tree but are not checked. */
    public void accept(byte[] line) {
        count++;
        frontier.append(hasher.leaf(line));
        if (problem != null) {
            return;
        }
        String text = new String(line, StandardCharsets.UTF_8);
        AuditEntry e;
        try {
            e = AuditLines.parse(text);
        } catch (IllegalArgumentException bad) {
            fail("is not a readable entry (" + bad.getMessage() + ")");
            return;
        }
        if (e.sequence() != count) {
            fail("found sequence " + e.sequence() + " (entries deleted or reordered)");
            return;
        }
        if (!e.previousHash().equals(previous)) {
            fail("previous hash does not match entry " + (count - 1) + " (entries deleted or reordered)");
            return;
        }
        if (!AuditCanonicalForm.chainHash(previous, AuditCanonicalForm.unhashed(e)).equals(e.hash())) {
            fail("content was modified");
            return;
        }
        if (!AuditCanonicalForm.line(e).equals(text)) {
            fail("line is not in canonical form (modified)");
            return;
        }
        previous = e.hash();
    }

    private void fail(String what) {
        problem = "entry " + count + ": " + what;
        firstBad = count;
    }

    public long count() {
        return count;
    }

    /** Null when every line so far is good. */
    public String problem() {
        return problem;
    }

    /** The position (from 1) of the first bad entry, or 0. */
    public long firstBad() {
        return firstBad;
    }

    /** The Merkle root of every line seen. */
    public byte[] root() {
        return frontier.root();
    }

    /** How many lines the tree holds. */
    public long size() {
        return frontier.size();
    }
}
