package dev.vigil.audit;

import dev.vigil.audit.merkle.MerkleFrontier;
import dev.vigil.audit.merkle.MerkleHasher;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Checks a trail line by line, in order: each line must be a complete entry in canonical form, with the next
 * sequence number, the previous entry's hash and its own correct chain hash; it also folds every line into the
 * Merkle frontier. Records the first problem, naming the entry. Pure; one instance per pass; not thread-safe (but
 * {@link #acceptAll} spreads a batch's independent per-line work over the common fork-join pool).
 */
public final class AuditChainCheck {

    private final MerkleHasher hasher = new MerkleHasher();
    private final MerkleFrontier frontier = new MerkleFrontier(hasher);
    /** A hasher per worker thread: a hasher holds a digest, which is not thread-safe. */
    private final ThreadLocal<MerkleHasher> workerHashers = ThreadLocal.withInitial(MerkleHasher::new);
    private String previous = AuditCanonicalForm.GENESIS;
    private long count;
    private String problem;
    private long firstBad;

    /** Checks the next line (without its newline). After a problem, lines still extend the tree but are not checked. */
    public void accept(byte[] line) {
        fold(line, LineFacts.of(line, hasher));
    }

    /**
     * Checks the next lines, in order, exactly as {@link #accept} one by one would, calling {@code afterEach} with the
     * tree size after each line. The per-line work that needs no neighbour (parsing, the canonical form, the entry's
     * own chain hash, its leaf hash) runs on several threads; only the comparisons between neighbours and the tree
     * run in order.
     */
    public void acceptAll(List<byte[]> lines, LongConsumer afterEach) {
        LineFacts[] facts = new LineFacts[lines.size()];
        IntStream.range(0, facts.length).parallel().forEach(i -> facts[i] = LineFacts.of(lines.get(i), workerHashers.get()));
        for (int i = 0; i < facts.length; i++) {
            fold(lines.get(i), facts[i]);
            afterEach.accept(count);
        }
    }

    private void fold(byte[] line, LineFacts facts) {
        count++;
        frontier.append(facts.leaf());
        if (problem != null) {
            return;
        }
        if (facts.unreadable() != null) {
            fail("is not a readable entry (" + facts.unreadable() + ")");
            return;
        }
        AuditEntry e = facts.entry();
        if (e.sequence() != count) {
            fail("found sequence " + e.sequence() + " (entries deleted or reordered)");
            return;
        }
        if (!e.previousHash().equals(previous)) {
            fail("previous hash does not match entry " + (count - 1) + " (entries deleted or reordered)");
            return;
        }
        if (!facts.hashMatches()) {
            fail("content was modified");
            return;
        }
        if (!facts.canonical()) {
            fail("line is not in canonical form (modified)");
            return;
        }
        previous = e.hash();
    }

    /** What can be checked of one line on its own: its leaf hash, its parse, its own chain hash and canonical form. */
    private record LineFacts(byte[] leaf, AuditEntry entry, String unreadable, boolean hashMatches, boolean canonical) {

        static LineFacts of(byte[] line, MerkleHasher hasher) {
            byte[] leaf = hasher.leaf(line);
            String text = new String(line, StandardCharsets.UTF_8);
            AuditEntry e;
            try {
                e = AuditLines.parse(text);
            } catch (IllegalArgumentException bad) {
                return new LineFacts(leaf, null, bad.getMessage(), false, false);
            }
            String unhashed = AuditCanonicalForm.unhashed(e);
            boolean hashMatches = AuditCanonicalForm.chainHash(e.previousHash(), unhashed).equals(e.hash());
            return new LineFacts(leaf, e, null, hashMatches, AuditCanonicalForm.line(unhashed, e.hash()).equals(text));
        }
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
