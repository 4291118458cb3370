package dev.vigil.audit.merkle;

import java.util.Arrays;

/**
 * The right frontier of an append-only RFC 6962 tree (the roots of its perfect subtrees, largest first, one per set
 * bit of the size): enough to append leaves and compute the root in O(log n) memory, without keeping the leaves.
 *
 * <p>Guarantees: after appending leaf hashes h0…hn-1, {@link #root()} equals RFC 6962's MTH(h0…hn-1). Not
 * thread-safe. Pure.
 */
public final class MerkleFrontier {

    private final MerkleHasher hasher;
    private final byte[][] byLevel = new byte[64][];
    private long size;

    public MerkleFrontier(MerkleHasher hasher) {
        this.hasher = hasher;
    }

    /** Appends one leaf hash (already {@code SHA-256(0x00 ‖ entry)}). */
    public void append(byte[] leafHash) {
        if (leafHash.length != MerkleHasher.SIZE) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes, not " + leafHash.length);
        }
        byte[] carry = leafHash;
        int level = 0;
        while ((size & (1L << level)) != 0) {
            carry = hasher.node(byLevel[level], carry);
            byLevel[level] = null;
            level++;
        }
        byLevel[level] = carry;
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves appended so far (the empty tree's root when none). */
    public byte[] root() {
        if (size == 0) {
            return hasher.emptyRoot();
        }
        byte[] acc = null;
        for (int level = 0; level < 64; level++) {
            if ((size & (1L << level)) != 0) {
                acc = acc == null ? byLevel[level] : hasher.node(byLevel[level], acc);
            }
        }
        return Arrays.copyOf(acc, acc.length);
    }
}
