package dev.vigil.audit.merkle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The corrupted-proof cases of transparency-dev/merkle's proof tests: every valid proof of the reference tree (and of
 * a larger one) is mutated by size, index, truncation, extension and modification, and every mutation must fail.
 */
class MerkleVerifierTest {

    private final MerkleHasher hasher = new MerkleHasher();
    private final MerkleVerifier verifier = new MerkleVerifier(hasher);

    private record Inclusion(String what, long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
    }

    private record Consistency(String what, long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    }

    @Test
    void everyCorruptedInclusionProofIsRejected() {
        for (MerkleTree tree : List.of(MerkleTreeTest.referenceTree(hasher), tree(37))) {
            for (long n = 1; n <= tree.size(); n++) {
                for (long i = 0; i < n; i++) {
                    byte[] root = tree.root(n);
                    byte[] leaf = tree.leafHash(i);
                    List<byte[]> proof = tree.inclusionProof(i, n);
                    verifier.verifyInclusion(i, n, leaf, proof, root);
                    for (Inclusion bad : corrupt(new Inclusion("valid", i, n, leaf, proof, root))) {
                        expectRejected(bad.what() + " of leaf " + i + " in " + n,
                                v -> v.verifyInclusion(bad.index(), bad.size(), bad.leaf(), bad.proof(), bad.root()));
                    }
                }
            }
        }
    }

    @Test
    void everyCorruptedConsistencyProofIsRejected() {
        for (MerkleTree tree : List.of(MerkleTreeTest.referenceTree(hasher), tree(37))) {
            for (long n = 1; n <= tree.size(); n++) {
                for (long m = 1; m <= n; m++) {
                    Consistency valid = new Consistency("valid", m, n, tree.root(m), tree.root(n),
                            tree.consistencyProof(m, n));
                    verifier.verifyConsistency(m, n, valid.root1(), valid.root2(), valid.proof());
                    for (Consistency bad : corrupt(valid)) {
                        expectRejected(bad.what() + " from " + m + " to " + n,
                                v -> v.verifyConsistency(bad.size1(), bad.size2(), bad.root1(), bad.root2(), bad.proof()));
                    }
                }
            }
        }
    }

    @Test
    void messagesSayWhatIsWrong() {
        MerkleTree tree = MerkleTreeTest.referenceTree(hasher);
        assertEquals("leaf index 8 is not below tree size 8", assertThrows(InvalidProofException.class,
                () -> verifier.verifyInclusion(8, 8, tree.leafHash(0), tree.inclusionProof(0, 8), tree.root(8))).getMessage());
        assertEquals("two different roots for the same tree size 4 (a fork)", assertThrows(InvalidProofException.class,
                () -> verifier.verifyConsistency(4, 4, tree.root(4), tree.root(5), List.of())).getMessage());
        assertEquals("tree size 3 is smaller than earlier size 4", assertThrows(InvalidProofException.class,
                () -> verifier.verifyConsistency(4, 3, tree.root(4), tree.root(3), List.of())).getMessage());
    }

    private List<Inclusion> corrupt(Inclusion p) {
        List<Inclusion> out = new ArrayList<>();
        out.add(new Inclusion("index - 1", p.index() - 1, p.size(), p.leaf(), p.proof(), p.root()));
        out.add(new Inclusion("index + 1", p.index() + 1, p.size(), p.leaf(), p.proof(), p.root()));
        out.add(new Inclusion("index ^ 2", p.index() ^ 2, p.size(), p.leaf(), p.proof(), p.root()));
        out.add(new Inclusion("size * 2", p.index(), p.size() * 2, p.leaf(), p.proof(), p.root()));
        out.add(new Inclusion("size / 2", p.index(), p.size() / 2, p.leaf(), p.proof(), p.root()));
        out.add(new Inclusion("wrong leaf", p.index(), p.size(), hasher.leaf(new byte[]{42}), p.proof(), p.root()));
        out.add(new Inclusion("wrong root", p.index(), p.size(), p.leaf(), p.proof(), hasher.leaf(new byte[]{43})));
        out.add(new Inclusion("extended with garbage", p.index(), p.size(), p.leaf(), extend(p.proof(), garbage()), p.root()));
        out.add(new Inclusion("extended with the root", p.index(), p.size(), p.leaf(), extend(p.proof(), p.root()), p.root()));
        out.add(new Inclusion("prepended with garbage", p.index(), p.size(), p.leaf(), prepend(p.proof(), garbage()), p.root()));
        out.add(new Inclusion("extended with an empty hash", p.index(), p.size(), p.leaf(), extend(p.proof(), new byte[0]), p.root()));
        if (!p.proof().isEmpty()) {
            out.add(new Inclusion("truncated", p.index(), p.size(), p.leaf(), p.proof().subList(0, p.proof().size() - 1), p.root()));
            out.add(new Inclusion("empty", p.index(), p.size(), p.leaf(), List.of(), p.root()));
            for (int j = 0; j < p.proof().size(); j++) {
                out.add(new Inclusion("hash " + j + " modified", p.index(), p.size(), p.leaf(), flip(p.proof(), j), p.root()));
            }
        }
        return out;
    }

    private List<Consistency> corrupt(Consistency p) {
        List<Consistency> out = new ArrayList<>();
        if (p.size1() != p.size2()) { // equal sizes with equal roots and an empty proof hold for any size
            out.add(new Consistency("size1 - 1", p.size1() - 1, p.size2(), p.root1(), p.root2(), p.proof()));
            out.add(new Consistency("size1 + 1", p.size1() + 1, p.size2(), p.root1(), p.root2(), p.proof()));
            out.add(new Consistency("size1 ^ 2", p.size1() ^ 2, p.size2(), p.root1(), p.root2(), p.proof()));
            out.add(new Consistency("size2 * 2", p.size1(), p.size2() * 2, p.root1(), p.root2(), p.proof()));
            out.add(new Consistency("size2 / 2", p.size1(), p.size2() / 2, p.root1(), p.root2(), p.proof()));
        }
        out.add(new Consistency("wrong root1", p.size1(), p.size2(), garbage(), p.root2(), p.proof()));
        out.add(new Consistency("wrong root2", p.size1(), p.size2(), p.root1(), garbage(), p.proof()));
        out.add(new Consistency("roots swapped", p.size1(), p.size2(), p.root2(), p.root1(), p.proof()));
        out.add(new Consistency("extended with garbage", p.size1(), p.size2(), p.root1(), p.root2(), extend(p.proof(), garbage())));
        out.add(new Consistency("extended with root1", p.size1(), p.size2(), p.root1(), p.root2(), extend(p.proof(), p.root1())));
        out.add(new Consistency("prepended with garbage", p.size1(), p.size2(), p.root1(), p.root2(), prepend(p.proof(), garbage())));
        if (!p.proof().isEmpty()) {
            out.add(new Consistency("truncated", p.size1(), p.size2(), p.root1(), p.root2(), p.proof().subList(0, p.proof().size() - 1)));
            out.add(new Consistency("empty", p.size1(), p.size2(), p.root1(), p.root2(), List.of()));
            for (int j = 0; j < p.proof().size(); j++) {
                out.add(new Consistency("hash " + j + " modified", p.size1(), p.size2(), p.root1(), p.root2(), flip(p.proof(), j)));
            }
        }
        // "roots swapped" is no corruption when both roots are equal
        return out.stream().filter(c -> !(c.what().equals("roots swapped") && Arrays.equals(p.root1(), p.root2()))).toList();
    }

    private void expectRejected(String what, Consumer<MerkleVerifier> check) {
        try {
            check.accept(verifier);
        } catch (InvalidProofException expected) {
            return;
        }
        fail("accepted a corrupted proof: " + what);
    }

    private MerkleTree tree(int n) {
        MerkleTree tree = new MerkleTree(hasher);
        for (int i = 0; i < n; i++) {
            tree.append(hasher.leaf(new byte[]{(byte) i}));
        }
        return tree;
    }

    private byte[] garbage() {
        return hasher.leaf("garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static List<byte[]> extend(List<byte[]> proof, byte[] extra) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(extra);
        return out;
    }

    private static List<byte[]> prepend(List<byte[]> proof, byte[] extra) {
        List<byte[]> out = new ArrayList<>(proof);
        out.addFirst(extra);
        return out;
    }

    private static List<byte[]> flip(List<byte[]> proof, int j) {
        List<byte[]> out = new ArrayList<>(proof);
        byte[] changed = out.get(j).clone();
        changed[0] ^= 1;
        out.set(j, changed);
        return out;
    }
}
