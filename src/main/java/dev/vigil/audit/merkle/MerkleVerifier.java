package dev.vigil.audit.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs. Pure; not thread-safe (one hasher).
 *
 * <p>Guarantees: a proof verifies only if it has exactly the length the sizes imply and every hash is right; wrong
 * sizes, wrong indices, truncated, extended or modified proofs throw {@link InvalidProofException} naming the check.
 */
public final class MerkleVerifier {

    private final MerkleHasher hasher;

    public MerkleVerifier(MerkleHasher hasher) {
        this.hasher = hasher;
    }

    /** Checks that {@code leafHash} is leaf {@code index} of the tree of {@code treeSize} whose root is {@code root}. */
    public void verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusion(index, treeSize, leafHash, proof);
        if (!Arrays.equals(computed, root)) {
            throw new InvalidProofException("inclusion proof of leaf " + index + " in tree size " + treeSize
                    + " leads to a different root");
        }
    }

    /** The root an inclusion proof implies (RFC 9162 §2.1.3.2 steps 1–5). */
    public byte[] rootFromInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || treeSize < 0) {
            throw new InvalidProofException("negative index " + index + " or tree size " + treeSize);
        }
        if (index >= treeSize) {
            throw new InvalidProofException("leaf index " + index + " is not below tree size " + treeSize);
        }
        checkHashes(proof);
        Walk walk = new Walk(index, treeSize - 1);
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (walk.atRoot()) {
                throw new InvalidProofException("inclusion proof is longer than tree size " + treeSize + " allows");
            }
            if (walk.siblingOnLeft()) {
                r = hasher.node(p, r);
            } else {
                r = hasher.node(r, p);
            }
            walk.up();
        }
        if (!walk.atRoot()) {
            throw new InvalidProofException("inclusion proof is shorter than tree size " + treeSize + " needs");
        }
        return r;
    }

    /** Checks that the tree of {@code size1} with {@code root1} is a prefix of the tree of {@code size2}/{@code root2}. */
    public void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < size1) {
            throw new InvalidProofException("tree size " + size2 + " is smaller than earlier size " + size1);
        }
        checkHashes(proof);
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("equal sizes need an empty consistency proof, got " + proof.size());
            }
            if (!Arrays.equals(root1, root2)) {
                throw new InvalidProofException("two different roots for the same tree size " + size1 + " (a fork)");
            }
            return;
        }
        if (size1 == 0) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("the empty tree needs an empty consistency proof, got " + proof.size());
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new InvalidProofException("empty consistency proof from size " + size1 + " to " + size2);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.addFirst(root1);
        }
        Walk walk = new Walk(size1 - 1, size2 - 1);
        walk.skipRightChildren();
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (walk.atRoot()) {
                throw new InvalidProofException("consistency proof from " + size1 + " to " + size2 + " is too long");
            }
            if (walk.siblingOnLeft()) {
                fr = hasher.node(c, fr);
                sr = hasher.node(c, sr);
            } else {
                sr = hasher.node(sr, c);
            }
            walk.up();
        }
        if (!walk.atRoot()) {
            throw new InvalidProofException("consistency proof from " + size1 + " to " + size2 + " is too short");
        }
        if (!Arrays.equals(fr, root1)) {
            throw new InvalidProofException("consistency proof does not lead to the root of size " + size1);
        }
        if (!Arrays.equals(sr, root2)) {
            throw new InvalidProofException("consistency proof does not lead to the root of size " + size2);
        }
    }

    private static void checkHashes(List<byte[]> proof) {
        for (int i = 0; i < proof.size(); i++) {
            if (proof.get(i) == null || proof.get(i).length != MerkleHasher.SIZE) {
                throw new InvalidProofException("proof hash " + i + " is not 32 bytes");
            }
        }
    }

    /**
     * RFC 9162's walk up the tree: {@code fn} is the node's index at its level, {@code sn} the last node's index.
     * Mutable, used by one verification only.
     */
    private static final class Walk {
        private long fn;
        private long sn;

        Walk(long fn, long sn) {
            this.fn = fn;
            this.sn = sn;
        }

        boolean atRoot() {
            return sn == 0;
        }

        /** True when the next proof hash is a left sibling; then skips levels where the node has no right sibling. */
        boolean siblingOnLeft() {
            if ((fn & 1) == 1) {
                return true;
            }
            if (fn != sn) {
                return false;
            }
            while ((fn & 1) == 0 && fn != 0) {
                fn >>= 1;
                sn >>= 1;
            }
            return true;
        }

        void skipRightChildren() {
            while ((fn & 1) == 1) {
                up();
            }
        }

        void up() {
            fn >>= 1;
            sn >>= 1;
        }
    }
}
