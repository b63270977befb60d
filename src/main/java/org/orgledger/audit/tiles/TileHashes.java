package org.orgledger.audit.tiles;

import java.util.Arrays;
import org.orgledger.audit.merkle.MerkleHashing;

/** The tree levels inside a tile, rebuilt by hashing its hashes pairwise (RFC 6962 interior nodes). */
final class TileHashes {

    private TileHashes() {
    }

    /**
     * MTH of the {@code count} (a power of two) consecutive hashes starting at {@code first} in
     * {@code concatenated}: the complete subtree whose leaves, at the tile's level, they are.
     */
    static byte[] subtreeRoot(byte[] concatenated, int first, int count) {
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            int offset = (first + i) * MerkleHashing.HASH_LENGTH;
            level[i] = Arrays.copyOfRange(concatenated, offset, offset + MerkleHashing.HASH_LENGTH);
        }
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                level[i] = MerkleHashing.interiorHash(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }
}
