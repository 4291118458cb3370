package dev.vigil.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 6962 / RFC 9162 hash functions with SHA-256: leaf hash {@code SHA-256(0x00 ‖ entry)}, interior node hash
 * {@code SHA-256(0x01 ‖ left ‖ right)}, and the empty tree's root {@code SHA-256()}. Pure.
 *
 * <p>An instance holds one digest and is not thread-safe: give each thread its own (they are cheap).
 */
public final class MerkleHasher {

    /** Bytes in every hash. */
    public static final int SIZE = 32;

    private final MessageDigest digest;

    public MerkleHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@code SHA-256(0x00 ‖ entry)}. */
    public byte[] leaf(byte[] entry) {
        return leaf(entry, 0, entry.length);
    }

    /** {@code SHA-256(0x00 ‖ entry[offset, offset+length))}. */
    public byte[] leaf(byte[] entry, int offset, int length) {
        digest.update((byte) 0x00);
        digest.update(entry, offset, length);
        return digest.digest();
    }

    /** {@code SHA-256(0x01 ‖ left ‖ right)}. */
    public byte[] node(byte[] left, byte[] right) {
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The root of the empty tree: {@code SHA-256} of no bytes. */
    public byte[] emptyRoot() {
        return digest.digest();
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2): RFC 6962's split point. */
    static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("a tree of " + n + " leaves has no split");
        }
        return Long.highestOneBit(n - 1);
    }
}
