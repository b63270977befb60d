package org.orgledger.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerkleTreeTest {

    private static final String CT_SIZE_8_ROOT = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

    @Test
    void emptyTreeHasTheEmptyHashAsRoot() {
        MerkleTree tree = MerkleTree.fromLeafInputs(List.of());
        assertEquals(0, tree.size());
        assertEquals(TestData.EMPTY_TREE_ROOT, TestData.hex(tree.root()));
        assertEquals(TestData.EMPTY_TREE_ROOT, TestData.hex(tree.rootOf(0)));
        assertEquals(List.of(), tree.consistencyProof(0, 0));
    }

    @Test
    void ctTestTreeOfEightLeavesHasTheKnownRoot() {
        MerkleTree tree = MerkleTree.fromLeafInputs(TestData.ctLeafInputs());
        assertEquals(8, tree.size());
        assertEquals(CT_SIZE_8_ROOT, TestData.hex(tree.root()));
    }

    @Test
    void rootOfEveryPrefixMatchesCtVectors() {
        MerkleTree tree = MerkleTree.fromLeafInputs(TestData.ctLeafInputs());
        for (int size = 0; size <= 8; size++) {
            assertEquals(TestData.CT_ROOTS.get(size), TestData.hex(tree.rootOf(size)), "size " + size);
        }
    }

    @Test
    void treesBuiltFromEachPrefixMatchCtVectors() {
        List<byte[]> inputs = TestData.ctLeafInputs();
        for (int size = 0; size <= 8; size++) {
            MerkleTree tree = MerkleTree.fromLeafInputs(inputs.subList(0, size));
            assertEquals(TestData.CT_ROOTS.get(size), TestData.hex(tree.root()), "size " + size);
        }
    }

    @Test
    void ctCompleteSubtreeHashesMatchKnownNodeHashes() {
        // Level-1 and level-2 node hashes of the CT test tree (transparency-dev testonly/constants.go).
        MerkleTree tree = MerkleTree.fromLeafInputs(TestData.ctLeafInputs());
        assertEquals("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", TestData.hex(tree.leafHash(1)));
        assertEquals("46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1", TestData.hex(tree.leafHash(7)));
        assertEquals("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                TestData.hex(tree.inclusionProof(0, 8).get(2)));
    }

    @Test
    void rootAgreesWithNaiveRecursiveMthForSizesUpTo70() {
        List<byte[]> leaves = TestData.ledgerEventHashes(70);
        for (int size = 0; size <= leaves.size(); size++) {
            List<byte[]> prefix = leaves.subList(0, size);
            MerkleTree tree = MerkleTree.fromLeafInputs(prefix);
            assertEquals(TestData.hex(NaiveMerkle.mth(prefix)), TestData.hex(tree.root()), "size " + size);
        }
    }

    @Test
    void rootOfAgreesWithNaiveMthOfThePrefix() {
        List<byte[]> leaves = TestData.ledgerEventHashes(70);
        MerkleTree tree = MerkleTree.fromLeafInputs(leaves);
        for (int size = 0; size <= leaves.size(); size++) {
            assertEquals(TestData.hex(NaiveMerkle.mth(leaves.subList(0, size))), TestData.hex(tree.rootOf(size)),
                    "size " + size);
        }
    }

    @ParameterizedTest(name = "tree size {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 32, 33})
    void proofsAreExactlyThoseOfTheRfcDefinitions(int size) {
        List<byte[]> leaves = TestData.ledgerEventHashes(size);
        MerkleTree tree = MerkleTree.fromLeafInputs(leaves);
        for (int treeSize = 1; treeSize <= size; treeSize++) {
            List<byte[]> prefix = leaves.subList(0, treeSize);
            for (int leaf = 0; leaf < treeSize; leaf++) {
                assertEquals(TestData.hex(NaiveMerkle.path(leaf, prefix)), TestData.hex(tree.inclusionProof(leaf, treeSize)),
                        "PATH(" + leaf + ", D[" + treeSize + "])");
            }
            for (int oldSize = 1; oldSize <= treeSize; oldSize++) {
                assertEquals(TestData.hex(NaiveMerkle.proof(oldSize, prefix)),
                        TestData.hex(tree.consistencyProof(oldSize, treeSize)),
                        "PROOF(" + oldSize + ", D[" + treeSize + "])");
            }
        }
    }

    @Test
    void leafInputsAndLeafHashesBuildTheSameTree() {
        List<byte[]> inputs = TestData.ledgerEventHashes(13);
        List<byte[]> leafHashes = new ArrayList<>();
        for (byte[] input : inputs) {
            leafHashes.add(MerkleHashing.leafHash(input));
        }
        assertArrayEquals(MerkleTree.fromLeafInputs(inputs).root(), MerkleTree.fromLeafHashes(leafHashes).root());
    }

    @Test
    void ledgerLeafIsTheRawEventHashNotItsHexText() {
        byte[] eventHash = TestData.ledgerEventHashes(1).get(0);
        MerkleTree tree = MerkleTree.fromLeafInputs(List.of(eventHash));
        assertArrayEquals(TestData.sha256(new byte[] {0x00}, eventHash), tree.root());
        byte[] hexText = TestData.hex(eventHash).getBytes(StandardCharsets.US_ASCII);
        assertNotEquals(TestData.hex(TestData.sha256(new byte[] {0x00}, hexText)), TestData.hex(tree.root()));
    }

    @Test
    void fromLeafHashesRejectsValuesThatAreNotSha256Hashes() {
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.fromLeafHashes(List.of(new byte[31])));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.fromLeafHashes(List.of(new byte[33])));
        List<byte[]> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> MerkleTree.fromLeafHashes(withNull));
        assertThrows(NullPointerException.class, () -> MerkleTree.fromLeafInputs(withNull));
    }

    @Test
    void rejectsSizesAndIndexesOutsideTheTree() {
        MerkleTree tree = MerkleTree.fromLeafInputs(TestData.ledgerEventHashes(5));
        assertThrows(IllegalArgumentException.class, () -> tree.rootOf(-1));
        assertThrows(IllegalArgumentException.class, () -> tree.rootOf(6));
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(0, 0));
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(5, 5));
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(0, 6));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(4, 3));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(1, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.leafHash(5));
    }

    @Test
    void trivialConsistencyProofsAreEmpty() {
        MerkleTree tree = MerkleTree.fromLeafInputs(TestData.ledgerEventHashes(5));
        assertEquals(List.of(), tree.consistencyProof(0, 5));
        assertEquals(List.of(), tree.consistencyProof(3, 3));
        assertEquals(List.of(), tree.inclusionProof(0, 1));
    }

    @Test
    void isNotAffectedByMutatingInputsOrOutputs() {
        List<byte[]> leafHashes = new ArrayList<>();
        for (byte[] input : TestData.ledgerEventHashes(6)) {
            leafHashes.add(MerkleHashing.leafHash(input));
        }
        MerkleTree tree = MerkleTree.fromLeafHashes(leafHashes);
        String root = TestData.hex(tree.root());
        String pathHead = TestData.hex(tree.inclusionProof(0, 6).get(0));

        leafHashes.get(1)[0] ^= 1;
        tree.root()[0] ^= 1;
        tree.rootOf(6)[0] ^= 1;
        tree.inclusionProof(0, 6).get(0)[0] ^= 1;
        tree.leafHash(1)[0] ^= 1;

        assertEquals(root, TestData.hex(tree.root()));
        assertEquals(root, TestData.hex(tree.rootOf(6)));
        assertEquals(pathHead, TestData.hex(tree.inclusionProof(0, 6).get(0)));
        assertThrows(UnsupportedOperationException.class, () -> tree.inclusionProof(0, 6).clear());
    }

    @Test
    void handlesALedgerOfOneHundredThousandEvents() {
        int size = 100_000;
        List<byte[]> leaves = TestData.ledgerEventHashes(size);
        long started = System.nanoTime();
        MerkleTree tree = MerkleTree.fromLeafInputs(leaves);
        assertArrayEquals(NaiveMerkle.mth(leaves), tree.root());
        assertArrayEquals(NaiveMerkle.mth(leaves.subList(0, 65_537)), tree.rootOf(65_537));

        for (int leaf : new int[] {0, 1, 65_535, 65_536, 77_777, size - 1}) {
            List<byte[]> path = tree.inclusionProof(leaf, size);
            assertTrue(MerkleProofs.verifyInclusion(tree.leafHash(leaf), leaf, size, path, tree.root()), "leaf " + leaf);
        }
        for (int oldSize : new int[] {1, 2, 3, 65_536, 65_537, 99_998, size}) {
            List<byte[]> proof = tree.consistencyProof(oldSize, size);
            assertTrue(MerkleProofs.verifyConsistency(oldSize, size, tree.rootOf(oldSize), tree.root(), proof),
                    "old size " + oldSize);
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        // Generous bound: only meant to catch accidentally quadratic or exponential code.
        assertTrue(elapsedMillis < 20_000, "took " + elapsedMillis + " ms");
    }
}
