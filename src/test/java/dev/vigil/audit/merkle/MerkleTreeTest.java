package dev.vigil.audit.merkle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The tree against the RFC 6962 reference vectors (the eight leaves of the certificate-transparency reference tests
 * and the roots and proofs published for them) and against a from-the-definition MTH for every size up to 70.
 */
class MerkleTreeTest {

    static final HexFormat HEX = HexFormat.of();
    static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private final MerkleHasher hasher = new MerkleHasher();

    static MerkleTree referenceTree(MerkleHasher hasher) {
        MerkleTree tree = new MerkleTree(hasher);
        for (String leaf : LEAVES) {
            tree.append(hasher.leaf(HEX.parseHex(leaf)));
        }
        return tree;
    }

    @Test
    void rootsOfEveryPrefixAreTheReferenceRoots() {
        MerkleTree tree = referenceTree(hasher);
        MerkleFrontier frontier = new MerkleFrontier(hasher);
        assertEquals(ROOTS[0], HEX.formatHex(frontier.root()));
        for (int size = 0; size <= LEAVES.length; size++) {
            assertEquals(ROOTS[size], HEX.formatHex(tree.root(size)), "tree root of size " + size);
        }
        for (int i = 0; i < LEAVES.length; i++) {
            frontier.append(tree.leafHash(i));
            assertEquals(ROOTS[i + 1], HEX.formatHex(frontier.root()), "frontier root of size " + (i + 1));
        }
    }

    @Test
    void inclusionProofsAreTheReferenceProofs() {
        MerkleTree tree = referenceTree(hasher);
        assertProof(tree.inclusionProof(0, 8), "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertProof(tree.inclusionProof(5, 8), "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertProof(tree.inclusionProof(0, 1));
    }

    @Test
    void consistencyProofsAreTheReferenceProofs() {
        MerkleTree tree = referenceTree(hasher);
        assertProof(tree.consistencyProof(2, 8), "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertProof(tree.consistencyProof(2, 5), "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertProof(tree.consistencyProof(6, 8), "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertProof(tree.consistencyProof(8, 8));
        assertProof(tree.consistencyProof(0, 8));
    }

    @Test
    void everyRootMatchesTheDefinitionAndEveryProofVerifies() {
        MerkleVerifier verifier = new MerkleVerifier(hasher);
        MerkleTree tree = new MerkleTree(hasher);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            byte[] leaf = hasher.leaf(new byte[]{(byte) i, (byte) (i * 7)});
            leaves.add(leaf);
            tree.append(leaf);
        }
        for (int n = 1; n <= 70; n++) {
            byte[] root = tree.root(n);
            assertArrayEquals(mth(leaves.subList(0, n)), root, "size " + n);
            for (int i = 0; i < n; i++) {
                verifier.verifyInclusion(i, n, leaves.get(i), tree.inclusionProof(i, n), root);
            }
            for (int m = 0; m <= n; m++) {
                verifier.verifyConsistency(m, n, tree.root(m), root, tree.consistencyProof(m, n));
            }
        }
    }

    @Test
    void sizesAndIndicesOutsideTheTreeAreRefusedClearly() {
        MerkleTree tree = referenceTree(hasher);
        assertEquals("tree size 9 is outside 0..8", assertThrows(IllegalArgumentException.class,
                () -> tree.root(9)).getMessage());
        assertEquals("leaf index 3 is outside 0..2", assertThrows(IllegalArgumentException.class,
                () -> tree.inclusionProof(3, 3)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(5, 4));
        assertThrows(IllegalArgumentException.class, () -> tree.append(new byte[31]));
    }

    /** MTH straight from RFC 6962 §2.1. */
    private byte[] mth(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return hasher.node(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    private static void assertProof(List<byte[]> proof, String... expected) {
        assertEquals(List.of(expected), proof.stream().map(HEX::formatHex).toList());
    }
}
