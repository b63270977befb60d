package org.orgledger.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsistencyProofTest {

    private static final int MAX_SIZE = 33;
    private static final MerkleTree TREE = MerkleTree.fromLeafInputs(TestData.ledgerEventHashes(MAX_SIZE));
    /** Honest proofs as hex, PROOFS_HEX[oldSize][newSize], precomputed for the cross-pair test. */
    private static final List<List<List<String>>> PROOFS_HEX = honestProofsAsHex();

    /** Consistency proofs of the CT test tree, as published in transparency-dev/merkle proof/verify_test.go. */
    static Stream<Arguments> knownCtProofs() {
        return Stream.of(
                Arguments.of(1, 1, List.of()),
                Arguments.of(1, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(6, 8, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 5, List.of(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(6, 7, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("knownCtProofs")
    void generatesAndVerifiesKnownCtProofs(int oldSize, int newSize, List<String> expectedProof) {
        MerkleTree tree = MerkleTree.fromLeafInputs(TestData.ctLeafInputs());
        assertEquals(expectedProof, TestData.hex(tree.consistencyProof(oldSize, newSize)));

        byte[] oldRoot = TestData.HEX.parseHex(TestData.CT_ROOTS.get(oldSize));
        byte[] newRoot = TestData.HEX.parseHex(TestData.CT_ROOTS.get(newSize));
        List<byte[]> proof = TestData.unhex(expectedProof.toArray(String[]::new));
        assertTrue(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof));
    }

    static Stream<Arguments> sizePairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (int newSize = 1; newSize <= MAX_SIZE; newSize++) {
            for (int oldSize = 1; oldSize <= newSize; oldSize++) {
                pairs.add(Arguments.of(oldSize, newSize));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sizePairs")
    void honestProofVerifiesAndEveryTamperingFails(int oldSize, int newSize) {
        byte[] oldRoot = TREE.rootOf(oldSize);
        byte[] newRoot = TREE.rootOf(newSize);
        List<byte[]> proof = TREE.consistencyProof(oldSize, newSize);
        assertTrue(verify(oldSize, newSize, oldRoot, newRoot, proof), "honest proof");

        assertFalse(verify(oldSize, newSize, TestData.flipBit(oldRoot, 0, 4), newRoot, proof), "flipped old root");
        assertFalse(verify(oldSize, newSize, oldRoot, TestData.flipBit(newRoot, 31, 0), proof), "flipped new root");
        assertFalse(verify(oldSize, newSize, oldRoot, newRoot, TestData.appended(proof, oldRoot)), "old root appended");
        assertFalse(verify(oldSize, newSize, oldRoot, newRoot, TestData.appended(proof, newRoot)), "new root appended");
        assertFalse(verify(oldSize, newSize, oldRoot, newRoot, TestData.prepended(proof, oldRoot)), "old root prepended");
        assertFalse(verify(oldSize, newSize, oldRoot, newRoot, TestData.prepended(proof, newRoot)), "new root prepended");
        assertFalse(verify(oldSize, newSize, oldRoot, newRoot, TestData.appended(proof, new byte[0])), "garbage appended");
        if (oldSize == newSize) {
            return;
        }
        assertFalse(verify(oldSize, newSize, newRoot, oldRoot, proof), "swapped roots");
        assertFalse(verify(oldSize, newSize, oldRoot, newRoot, List.of()), "empty proof");
        assertFalse(verify(oldSize, newSize, oldRoot, newRoot, proof.subList(0, proof.size() - 1)), "truncated");
        assertFalse(verify(oldSize, newSize, oldRoot, newRoot, proof.subList(1, proof.size())), "head dropped");
        assertFalse(verify(oldSize, newSize, oldRoot, newRoot, TestData.prepended(proof, proof.get(0))), "head doubled");
        for (int i = 0; i < proof.size(); i++) {
            for (int byteIndex : new int[] {0, 31}) {
                List<byte[]> flipped = TestData.replaced(proof, i, TestData.flipBit(proof.get(i), byteIndex, 4));
                assertFalse(verify(oldSize, newSize, oldRoot, newRoot, flipped), "flipped proof[" + i + "]");
            }
        }
        for (int otherSize = 0; otherSize <= MAX_SIZE; otherSize++) {
            byte[] otherRoot = TREE.rootOf(otherSize);
            if (otherSize != oldSize) {
                assertFalse(verify(oldSize, newSize, otherRoot, newRoot, proof), "old root of size " + otherSize);
            }
            if (otherSize != newSize) {
                assertFalse(verify(oldSize, newSize, oldRoot, otherRoot, proof), "new root of size " + otherSize);
            }
        }
    }

    /**
     * Replays each proof against the honest roots of every other pair of sizes. It may only verify
     * where it is also, byte for byte, that pair's honest proof; anything else would mean a SHA-256
     * collision or a verifier bug.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sizePairs")
    void proofDoesNotProveAnyOtherPairOfSizes(int oldSize, int newSize) {
        List<byte[]> proof = TREE.consistencyProof(oldSize, newSize);
        List<String> proofHex = TestData.hex(proof);
        for (int otherNew = 0; otherNew <= MAX_SIZE; otherNew++) {
            for (int otherOld = 0; otherOld <= otherNew; otherOld++) {
                if (otherOld == oldSize && otherNew == newSize) {
                    continue;
                }
                boolean sameBytes = proofHex.equals(PROOFS_HEX.get(otherOld).get(otherNew));
                boolean verified = verify(otherOld, otherNew, TREE.rootOf(otherOld), TREE.rootOf(otherNew), proof);
                if (otherOld == otherNew || otherOld == 0) {
                    // Trivially consistent pairs take an empty proof, which the honest one is not
                    // unless oldSize == newSize.
                    assertEquals(proof.isEmpty(), verified, otherOld + " -> " + otherNew);
                } else {
                    assertEquals(sameBytes, verified, otherOld + " -> " + otherNew);
                }
            }
        }
    }

    @Test
    void emptyOldTreeIsConsistentWithEveryTreeGivenAnEmptyProof() {
        byte[] emptyRoot = MerkleHashing.emptyTreeHash();
        for (int newSize = 0; newSize <= MAX_SIZE; newSize++) {
            byte[] newRoot = TREE.rootOf(newSize);
            assertEquals(List.of(), TREE.consistencyProof(0, newSize));
            assertTrue(verify(0, newSize, emptyRoot, newRoot, List.of()), "0 -> " + newSize);
            assertFalse(verify(0, newSize, emptyRoot, newRoot, List.of(newRoot)), "non-empty proof, 0 -> " + newSize);
            if (newSize > 0) {
                // Our deliberate strictness: the root claimed for size 0 must be the empty-tree hash.
                assertFalse(verify(0, newSize, newRoot, newRoot, List.of()), "bogus size-0 root, 0 -> " + newSize);
            }
        }
    }

    @Test
    void equalSizesNeedEqualRootsAndAnEmptyProof() {
        byte[] root = TREE.rootOf(5);
        assertTrue(verify(5, 5, root, root, List.of()));
        assertFalse(verify(5, 5, root, TREE.rootOf(6), List.of()));
        assertFalse(verify(5, 5, root, root, List.of(root)));
    }

    @Test
    void rejectsMalformedInputsWithoutThrowing() {
        byte[] oldRoot = TREE.rootOf(3);
        byte[] newRoot = TREE.rootOf(7);
        List<byte[]> proof = TREE.consistencyProof(3, 7);
        assertTrue(verify(3, 7, oldRoot, newRoot, proof));

        assertFalse(verify(7, 3, newRoot, oldRoot, proof), "shrinking log");
        assertFalse(verify(-1, 7, oldRoot, newRoot, proof), "negative old size");
        assertFalse(verify(3, 7, new byte[0], newRoot, proof), "short old root");
        assertFalse(verify(3, 7, oldRoot, new byte[33], proof), "long new root");
        assertFalse(verify(3, 7, oldRoot, newRoot, TestData.replaced(proof, 0, new byte[31])), "short element");
        assertFalse(verify(3, Long.MAX_VALUE, oldRoot, newRoot, proof), "huge new size");
    }

    @Test
    void nullArgumentsThrow() {
        byte[] root = TREE.rootOf(1);
        assertThrows(NullPointerException.class, () -> verify(1, 1, null, root, List.of()));
        assertThrows(NullPointerException.class, () -> verify(1, 1, root, null, List.of()));
        assertThrows(NullPointerException.class, () -> verify(1, 1, root, root, null));
    }

    private static List<List<List<String>>> honestProofsAsHex() {
        List<List<List<String>>> byOldSize = new ArrayList<>();
        for (int oldSize = 0; oldSize <= MAX_SIZE; oldSize++) {
            List<List<String>> byNewSize = new ArrayList<>();
            for (int newSize = 0; newSize <= MAX_SIZE; newSize++) {
                byNewSize.add(newSize < oldSize ? List.of() : TestData.hex(TREE.consistencyProof(oldSize, newSize)));
            }
            byOldSize.add(byNewSize);
        }
        return byOldSize;
    }

    private static boolean verify(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        return MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof);
    }
}
