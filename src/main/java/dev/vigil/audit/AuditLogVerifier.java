package dev.vigil.audit;

import dev.vigil.audit.merkle.InvalidProofException;
import dev.vigil.audit.merkle.MerkleHasher;
import dev.vigil.audit.merkle.MerkleVerifier;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.NoteVerifierKey;
import dev.vigil.audit.note.SignedNote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies an audit log as an assessor has it: the entry lines, the signed checkpoints, optional consistency proofs
 * between them, the log's public key and optionally a checkpoint the assessor already trusts. Pure (the caller feeds
 * lines from a file); one instance per verification.
 *
 * <p>Detects, and names the first bad entry for: a modified entry, a deleted entry, reordered entries, a truncated log
 * (fewer entries than a signed checkpoint covers), a forged or missing signature, a rewrite with recomputed hashes
 * (entries no longer give the signed root), and a fork (two signed checkpoints of one size with different roots, or a
 * checkpoint or trusted checkpoint inconsistent with the entries or with each other).
 */
public final class AuditLogVerifier {

    /** Lines checked together: large enough to spread over the cores, small enough to bound memory. */
    private static final int BATCH = 8192;

    private final NoteVerifierKey key;
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final Checkpoint trusted;
    private final List<String> problems = new ArrayList<>();
    private final Map<Long, byte[]> rootsAt = new HashMap<>();
    private final AuditChainCheck chain = new AuditChainCheck();
    private final List<byte[]> batch = new ArrayList<>(BATCH);

    /**
     * @param notes   the signed checkpoint notes, oldest first
     * @param trusted a checkpoint note the assessor trusts (from a witness, an earlier audit), or null
     */
    public AuditLogVerifier(NoteVerifierKey key, List<String> notes, String trusted) {
        if (key.algorithm() != NoteVerifierKey.ED25519) {
            throw new IllegalArgumentException("the log key must be an Ed25519 (0x01) verifier key");
        }
        this.key = key;
        for (int i = 0; i < notes.size(); i++) {
            Checkpoint c = checked("checkpoint " + (i + 1), notes.get(i));
            if (c != null) {
                checkpoints.add(c);
                rootsAt.put(c.size(), null);
            }
        }
        this.trusted = trusted == null ? null : checked("the trusted checkpoint", trusted);
        if (this.trusted != null) {
            rootsAt.put(this.trusted.size(), null);
        }
        rootsAt.put(0L, null);
        forks();
    }

    /** Feeds the next entry line (without its newline). Lines are checked in batches; {@link #finish} checks the rest. */
    public void entry(byte[] line) {
        batch.add(line);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        chain.acceptAll(batch, size -> {
            if (rootsAt.containsKey(size)) {
                rootsAt.put(size, chain.root());
            }
        });
        batch.clear();
    }

    /** Checks a consistency proof shipped with the log between two of its checkpoint sizes. */
    public void consistencyProof(long first, long second, List<byte[]> proof) {
        Checkpoint a = checkpointOfSize(first);
        Checkpoint b = checkpointOfSize(second);
        if (a == null || b == null) {
            problems.add("a consistency proof from " + first + " to " + second + " refers to no signed checkpoint");
            return;
        }
        try {
            new MerkleVerifier(new MerkleHasher()).verifyConsistency(first, second, a.rootHash(), b.rootHash(), proof);
        } catch (InvalidProofException e) {
            problems.add("fork: the signed checkpoints of size " + first + " and " + second
                    + " are not consistent (" + e.getMessage() + ")");
        }
    }

    /** The verdict once every line has been fed. */
    public LogVerification finish() {
        flush();
        long n = chain.count();
        long firstBad = chain.firstBad();
        List<String> all = new ArrayList<>();
        if (chain.problem() != null) {
            all.add(chain.problem());
        }
        all.addAll(problems);
        TreeMap<Long, Checkpoint> bySize = new TreeMap<>();
        checkpoints.forEach(c -> bySize.putIfAbsent(c.size(), c));
        if (trusted != null) {
            bySize.putIfAbsent(trusted.size(), trusted);
        }
        long goodUpTo = 0;
        for (Checkpoint c : bySize.values()) {
            String which = c == trusted && !checkpoints.contains(c) ? "the trusted checkpoint" : "the signed checkpoint";
            if (c.size() > n) {
                all.add("truncated: " + which + " of size " + c.size() + " covers entries the log does not hold; entries "
                        + (n + 1) + ".." + c.size() + " are missing");
                firstBad = firstBad == 0 ? n + 1 : firstBad;
                break;
            }
            if (!Arrays.equals(rootsAt.get(c.size()), c.rootHash())) {
                all.add((which.startsWith("the trusted") ? "fork: " : "rewritten: ") + "entries 1.." + c.size()
                        + " do not give the root of " + which + " of size " + c.size() + " (" + c.rootHex()
                        + "); the first bad entry is one of " + (goodUpTo + 1) + ".." + c.size());
                firstBad = firstBad == 0 ? goodUpTo + 1 : firstBad; // the chain names it exactly when it can
                break;
            }
            goodUpTo = c.size();
        }
        if (trusted != null && checkpoints.stream().noneMatch(c -> c.size() >= trusted.size())) {
            all.add("truncated: the log's checkpoints end before the trusted checkpoint of size " + trusted.size());
        }
        List<String> warnings = new ArrayList<>();
        long covered = bySize.isEmpty() ? 0 : bySize.lastKey();
        if (covered < n) {
            warnings.add("entries " + (covered + 1) + ".." + n + " are not yet covered by a signed checkpoint");
        }
        Checkpoint latest = checkpoints.isEmpty() ? null : checkpoints.stream()
                .max(java.util.Comparator.comparingLong(Checkpoint::size)).orElseThrow();
        return new LogVerification(all.isEmpty(), n, checkpoints.size(), firstBad, List.copyOf(all), List.copyOf(warnings),
                latest == null ? null : latest.toString());
    }

    private Checkpoint checked(String what, String note) {
        try {
            SignedNote signed = SignedNote.parse(note);
            signed.verify(key);
            Checkpoint c = Checkpoint.parse(signed.text());
            if (!c.origin().equals(key.name())) {
                problems.add(what + ": origin '" + c.origin() + "' is not the log's '" + key.name() + "'");
                return null;
            }
            return c;
        } catch (IllegalArgumentException e) {
            problems.add(what + ": " + e.getMessage());
            return null;
        }
    }

    private void forks() {
        Map<Long, Checkpoint> seen = new HashMap<>();
        List<Checkpoint> all = new ArrayList<>(checkpoints);
        if (trusted != null) {
            all.add(trusted);
        }
        for (Checkpoint c : all) {
            Checkpoint other = seen.putIfAbsent(c.size(), c);
            if (other != null && !other.sameRoot(c)) {
                problems.add("fork: two signed checkpoints of size " + c.size() + " with different roots ("
                        + other.rootHex() + " and " + c.rootHex() + ")");
            }
        }
    }

    private Checkpoint checkpointOfSize(long size) {
        return checkpoints.stream().filter(c -> c.size() == size).findFirst().orElse(null);
    }

    /**
     * The verdict.
     *
     * @param firstBadEntry the position (from 1) of the first entry that is bad or missing, 0 when none
     * @param problems      every problem found, the most specific first; empty when valid
     * @param warnings      what is not wrong but not proven either (entries after the last checkpoint)
     * @param latest        the largest signed checkpoint, described
     */
    public record LogVerification(boolean valid, long entries, int checkpoints, long firstBadEntry,
                                  List<String> problems, List<String> warnings, String latest) {
    }
}
