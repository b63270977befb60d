package org.orgledger.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InclusionProofTest {

    private static final int MAX_SIZE = 33;
    private static final List<byte[]> LEAVES = TestData.ledgerEventHashes(MAX_SIZE);
    private static final MerkleTree TREE = MerkleTree.fromLeafInputs(LEAVES);

    /** Inclusion proofs of the CT test tree, as published in transparency-dev/merkle proof/verify_test.go. */
    static Stream<Arguments> knownCtProofs() {
        return Stream.of(
                Arguments.of(0, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(5, 8, List.of(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 3, List.of(
                        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                Arguments.of(1, 5, List.of(
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(0, 1, List.of()));
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("knownCtProofs")
    void generatesAndVerifiesKnownCtProofs(int leafIndex, int treeSize, List<String> expectedPath) {
        List<byte[]> inputs = TestData.ctLeafInputs();
        MerkleTree tree = MerkleTree.fromLeafInputs(inputs);
        assertEquals(expectedPath, TestData.hex(tree.inclusionProof(leafIndex, treeSize)));

        byte[] leafHash = MerkleHashing.leafHash(inputs.get(leafIndex));
        byte[] root = TestData.HEX.parseHex(TestData.CT_ROOTS.get(treeSize));
        List<byte[]> path = TestData.unhex(expectedPath.toArray(String[]::new));
        assertTrue(MerkleProofs.verifyInclusion(leafHash, leafIndex, treeSize, path, root));
    }

    static IntStream treeSizes() {
        return IntStream.rangeClosed(1, MAX_SIZE);
    }

    @ParameterizedTest(name = "tree size {0}")
    @MethodSource("treeSizes")
    void everyLeafOfTheTreeVerifies(int treeSize) {
        byte[] root = TREE.rootOf(treeSize);
        for (int leaf = 0; leaf < treeSize; leaf++) {
            byte[] leafHash = MerkleHashing.leafHash(LEAVES.get(leaf));
            List<byte[]> path = TREE.inclusionProof(leaf, treeSize);
            assertTrue(MerkleProofs.verifyInclusion(leafHash, leaf, treeSize, path, root), "leaf " + leaf);
        }
    }

    @ParameterizedTest(name = "tree size {0}")
    @MethodSource("treeSizes")
    void tamperedPathsFail(int treeSize) {
        byte[] root = TREE.rootOf(treeSize);
        for (int leaf = 0; leaf < treeSize; leaf++) {
            byte[] leafHash = TREE.leafHash(leaf);
            List<byte[]> path = TREE.inclusionProof(leaf, treeSize);
            for (int i = 0; i < path.size(); i++) {
                for (int byteIndex : new int[] {0, 31}) {
                    List<byte[]> flipped = TestData.replaced(path, i, TestData.flipBit(path.get(i), byteIndex, 3));
                    assertFalse(verify(leafHash, leaf, treeSize, flipped, root), "flipped path[" + i + "]");
                }
            }
            if (!path.isEmpty()) {
                assertFalse(verify(leafHash, leaf, treeSize, path.subList(0, path.size() - 1), root), "truncated");
                assertFalse(verify(leafHash, leaf, treeSize, path.subList(1, path.size()), root), "head dropped");
                if (path.size() > 1) {
                    List<byte[]> swapped = TestData.replaced(TestData.replaced(path, 0, path.get(1)), 1, path.get(0));
                    assertFalse(verify(leafHash, leaf, treeSize, swapped, root), "swapped");
                }
            }
            assertFalse(verify(leafHash, leaf, treeSize, TestData.appended(path, root), root), "root appended");
            assertFalse(verify(leafHash, leaf, treeSize, TestData.appended(path, leafHash), root), "leaf appended");
            assertFalse(verify(leafHash, leaf, treeSize, TestData.prepended(path, leafHash), root), "leaf prepended");
            assertFalse(verify(leafHash, leaf, treeSize, TestData.appended(path, new byte[0]), root), "garbage appended");
        }
    }

    @ParameterizedTest(name = "tree size {0}")
    @MethodSource("treeSizes")
    void tamperedLeafOrRootFails(int treeSize) {
        byte[] root = TREE.rootOf(treeSize);
        for (int leaf = 0; leaf < treeSize; leaf++) {
            byte[] leafHash = TREE.leafHash(leaf);
            List<byte[]> path = TREE.inclusionProof(leaf, treeSize);
            assertFalse(verify(TestData.flipBit(leafHash, 0, 0), leaf, treeSize, path, root), "flipped leaf hash");
            // A classic slip: passing the leaf input (the event hash) instead of its leaf hash.
            assertFalse(verify(LEAVES.get(leaf), leaf, treeSize, path, root), "leaf input instead of leaf hash");
            assertFalse(verify(leafHash, leaf, treeSize, path, TestData.flipBit(root, 31, 7)), "flipped root");
            assertFalse(verify(leafHash, leaf, treeSize, path, MerkleHashing.emptyTreeHash()), "empty root");
            for (int otherLeaf = 0; otherLeaf < treeSize; otherLeaf++) {
                if (otherLeaf != leaf) {
                    assertFalse(verify(TREE.leafHash(otherLeaf), leaf, treeSize, path, root), "leaf " + otherLeaf);
                }
            }
        }
    }

    @ParameterizedTest(name = "tree size {0}")
    @MethodSource("treeSizes")
    void wrongIndexFails(int treeSize) {
        byte[] root = TREE.rootOf(treeSize);
        for (int leaf = 0; leaf < treeSize; leaf++) {
            byte[] leafHash = TREE.leafHash(leaf);
            List<byte[]> path = TREE.inclusionProof(leaf, treeSize);
            for (long claimedIndex : new long[] {leaf - 1L, leaf + 1L, leaf ^ 2L, leaf + treeSize, Long.MAX_VALUE}) {
                assertFalse(verify(leafHash, claimedIndex, treeSize, path, root), "index " + claimedIndex);
            }
            for (int otherLeaf = 0; otherLeaf < treeSize; otherLeaf++) {
                if (otherLeaf != leaf) {
                    assertFalse(verify(leafHash, otherLeaf, treeSize, path, root), "index " + otherLeaf);
                }
            }
        }
    }

    /**
     * Replays a path against the honest root of every other tree size. It may only verify where it
     * is also, byte for byte, that size's honest path; anything else would mean a SHA-256
     * collision or a verifier bug. (Against a root of the wrong size a path can verify: the
     * verifier must take size and root from the same trusted tree head.)
     */
    @ParameterizedTest(name = "tree size {0}")
    @MethodSource("treeSizes")
    void pathDoesNotProveInclusionInAnotherTreeSize(int treeSize) {
        for (int leaf = 0; leaf < treeSize; leaf++) {
            byte[] leafHash = TREE.leafHash(leaf);
            List<String> path = TestData.hex(TREE.inclusionProof(leaf, treeSize));
            for (int otherSize = leaf + 1; otherSize <= MAX_SIZE; otherSize++) {
                if (otherSize == treeSize) {
                    continue;
                }
                boolean sameBytes = path.equals(TestData.hex(TREE.inclusionProof(leaf, otherSize)));
                boolean verified = verify(leafHash, leaf, otherSize, TestData.unhex(path.toArray(String[]::new)),
                        TREE.rootOf(otherSize));
                assertEquals(sameBytes, verified, "leaf " + leaf + " claimed in size " + otherSize);
            }
        }
    }

    @Test
    void treeSizeIsOnlyAuthenticatedTogetherWithItsRoot() {
        // Leaf 0 has the same path shape in trees of 5 and 6 leaves, so a size-5 proof also
        // "verifies" against the mismatched pair (6, root of 5). Such a pair never comes from an
        // honest tree head, which is why verifiers must take size and root from the same one.
        List<byte[]> pathInFive = TREE.inclusionProof(0, 5);
        assertTrue(verify(TREE.leafHash(0), 0, 6, pathInFive, TREE.rootOf(5)));
        assertFalse(verify(TREE.leafHash(0), 0, 6, pathInFive, TREE.rootOf(6)));
    }

    @Test
    void rejectsMalformedInputsWithoutThrowing() {
        byte[] root = TREE.rootOf(4);
        byte[] leafHash = TREE.leafHash(1);
        List<byte[]> path = TREE.inclusionProof(1, 4);
        assertTrue(verify(leafHash, 1, 4, path, root));

        assertFalse(verify(leafHash, -1, 4, path, root));
        assertFalse(verify(leafHash, 4, 4, path, root));
        assertFalse(verify(leafHash, 0, 0, List.of(), MerkleHashing.emptyTreeHash()));
        assertFalse(verify(leafHash, 1, -4, path, root));
        assertFalse(verify(new byte[0], 1, 4, path, root));
        assertFalse(verify(leafHash, 1, 4, path, new byte[31]));
        List<byte[]> shortElement = new ArrayList<>(path);
        shortElement.set(0, new byte[16]);
        assertFalse(verify(leafHash, 1, 4, shortElement, root));
    }

    @Test
    void singleLeafTreeNeedsAnEmptyPath() {
        byte[] leafHash = TREE.leafHash(0);
        assertTrue(verify(leafHash, 0, 1, List.of(), leafHash));
        assertFalse(verify(leafHash, 0, 1, List.of(leafHash), leafHash));
        assertFalse(verify(leafHash, 0, 1, List.of(), TREE.leafHash(1)));
    }

    @Test
    void nullArgumentsThrow() {
        byte[] hash = TREE.leafHash(0);
        assertThrows(NullPointerException.class, () -> verify(null, 0, 1, List.of(), hash));
        assertThrows(NullPointerException.class, () -> verify(hash, 0, 1, null, hash));
        assertThrows(NullPointerException.class, () -> verify(hash, 0, 1, List.of(), null));
    }

    private static boolean verify(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path, byte[] root) {
        return MerkleProofs.verifyInclusion(leafHash, leafIndex, treeSize, path, root);
    }
}
