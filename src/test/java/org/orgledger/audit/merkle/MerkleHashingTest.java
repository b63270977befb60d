package org.orgledger.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MerkleHashingTest {

    @Test
    void emptyTreeHashIsSha256OfNothing() {
        assertEquals(TestData.EMPTY_TREE_ROOT, TestData.hex(MerkleHashing.emptyTreeHash()));
    }

    @Test
    void leafHashOfEmptyInputMatchesCtVector() {
        assertEquals(TestData.CT_ROOTS.get(1), TestData.hex(MerkleHashing.leafHash(new byte[0])));
    }

    @Test
    void leafHashPrefixesZeroByte() {
        byte[] input = "some event".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(TestData.sha256(new byte[] {0x00}, input), MerkleHashing.leafHash(input));
    }

    @Test
    void interiorHashPrefixesOneByteAndMatchesCtVector() {
        byte[] left = MerkleHashing.leafHash(new byte[0]);
        byte[] right = MerkleHashing.leafHash(new byte[] {0x00});
        assertArrayEquals(TestData.sha256(new byte[] {0x01}, left, right), MerkleHashing.interiorHash(left, right));
        assertEquals(TestData.CT_ROOTS.get(2), TestData.hex(MerkleHashing.interiorHash(left, right)));
    }

    @Test
    void leafAndInteriorHashesAreDomainSeparated() {
        byte[] left = TestData.sha256("l".getBytes(StandardCharsets.UTF_8));
        byte[] right = TestData.sha256("r".getBytes(StandardCharsets.UTF_8));
        byte[] concatenated = new byte[64];
        System.arraycopy(left, 0, concatenated, 0, 32);
        System.arraycopy(right, 0, concatenated, 32, 32);
        assertFalse(Arrays.equals(MerkleHashing.leafHash(concatenated), MerkleHashing.interiorHash(left, right)));
    }

    @Test
    void returnsFreshArrays() {
        byte[] first = MerkleHashing.emptyTreeHash();
        first[0] ^= 1;
        assertEquals(TestData.EMPTY_TREE_ROOT, TestData.hex(MerkleHashing.emptyTreeHash()));
    }
}
