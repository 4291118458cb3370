package dev.vigil.audit.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only RFC 6962 / RFC 9162 Merkle tree that keeps every complete (perfect, aligned) subtree hash, so that
 * the root of any earlier size, inclusion proofs and consistency proofs cost O(log² n) hashes, never a rehash.
 *
 * <p>Memory: about 64 bytes per leaf (the leaf hashes plus all interior nodes). Guarantees: {@link #root(long)} is
 * MTH(D[0:size]); {@link #inclusionProof} is PATH(m, D[n]) and {@link #consistencyProof} is PROOF(m, D[n]) exactly
 * as RFC 6962 §2.1 defines them. Not thread-safe: callers serialise. Pure (no I/O).
 */
public final class MerkleTree {

    private final MerkleHasher hasher;
    /** levels.get(k) holds the hashes of the complete subtrees of 2^k leaves, left to right, 32 bytes each. */
    private final List<HashArray> levels = new ArrayList<>();
    private long size;

    public MerkleTree(MerkleHasher hasher) {
        this.hasher = hasher;
        levels.add(new HashArray());
    }

    /** Appends a leaf hash; returns its index. */
    public long append(byte[] leafHash) {
        if (leafHash.length != MerkleHasher.SIZE) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes, not " + leafHash.length);
        }
        long index = size;
        levels.get(0).add(leafHash);
        size++;
        byte[] carry = leafHash;
        long i = index;
        int level = 0;
        while ((i & 1) == 1) { // a right child completes its parent
            carry = hasher.node(levels.get(level).get(i - 1), carry);
            level++;
            i >>= 1;
            if (levels.size() == level) {
                levels.add(new HashArray());
            }
            levels.get(level).add(carry);
        }
        return index;
    }

    public long size() {
        return size;
    }

    /** The hash of leaf {@code index}. */
    public byte[] leafHash(long index) {
        checkIndex(index, size, "leaf index");
        return levels.get(0).get(index);
    }

    /** MTH of the first {@code treeSize} leaves. */
    public byte[] root(long treeSize) {
        checkSize(treeSize);
        return treeSize == 0 ? hasher.emptyRoot() : subtree(0, treeSize);
    }

    /** PATH(index, D[treeSize]): the audit path proving leaf {@code index} is in the tree of {@code treeSize}. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        checkIndex(index, treeSize, "leaf index");
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return proof;
    }

    /** PROOF(first, D[second]): proves the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public List<byte[]> consistencyProof(long first, long second) {
        checkSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("first size " + first + " must be between 0 and " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = MerkleHasher.split(n);
        if (m < k) {
            path(m, start, start + k, out);
            out.add(subtree(start + k, end));
        } else {
            path(m - k, start + k, end, out);
            out.add(subtree(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean whole, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(subtree(start, end));
            }
            return;
        }
        long k = MerkleHasher.split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, out);
            out.add(subtree(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(subtree(start, start + k));
        }
    }

    /** MTH(D[start:end]) from stored complete subtrees; start is always aligned as RFC 6962's recursion makes it. */
    private byte[] subtree(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && (start & (n - 1)) == 0) {
            return levels.get(Long.numberOfTrailingZeros(n)).get(start / n);
        }
        long k = MerkleHasher.split(n);
        return hasher.node(subtree(start, start + k), subtree(start + k, end));
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is outside 0.." + size);
        }
    }

    private static void checkIndex(long index, long bound, String what) {
        if (index < 0 || index >= bound) {
            throw new IllegalArgumentException(what + " " + index + " is outside 0.." + (bound - 1));
        }
    }

    /** A growable array of 32-byte hashes in chunks, so that a million leaves do not need one huge copy. */
    private static final class HashArray {
        private static final int CHUNK = 1 << 15; // hashes per chunk (1 MiB)
        private final List<byte[]> chunks = new ArrayList<>();
        private long count;

        void add(byte[] hash) {
            int slot = (int) (count % CHUNK);
            if (slot == 0) {
                chunks.add(new byte[CHUNK * MerkleHasher.SIZE]);
            }
            System.arraycopy(hash, 0, chunks.getLast(), slot * MerkleHasher.SIZE, MerkleHasher.SIZE);
            count++;
        }

        byte[] get(long i) {
            int from = (int) (i % CHUNK) * MerkleHasher.SIZE;
            return Arrays.copyOfRange(chunks.get((int) (i / CHUNK)), from, from + MerkleHasher.SIZE);
        }
    }
}
