package org.orgledger.audit.tiles;

import java.util.Arrays;
import org.orgledger.audit.merkle.MerkleHashing;

/**
 * Tile {@code index} of level {@code level}: its hashes, concatenated (32 bytes each, at most
 * 256). Hash {@code i} is MTH(D[(index * 256 + i) * 256^level : (index * 256 + i + 1) * 256^level]).
 */
public record Tile(int level, long index, byte[] hashes) {

    /** Hashes per full tile (c2sp.org/tlog-tiles). */
    public static final int WIDTH = 256;
    /** Tree levels a tile spans: 256 = 2^8. */
    public static final int HEIGHT = 8;
    /** Levels needed for any tree size below 2^63. */
    public static final int MAX_LEVELS = 8;

    public Tile {
        if (level < 0 || level >= MAX_LEVELS || index < 0) {
            throw new IllegalArgumentException("no tile " + level + "/" + index);
        }
        int width = hashes.length / MerkleHashing.HASH_LENGTH;
        if (width < 1 || width > WIDTH || hashes.length % MerkleHashing.HASH_LENGTH != 0) {
            throw new IllegalArgumentException("a tile holds 1 to 256 hashes of 32 bytes, not " + hashes.length + " bytes");
        }
    }

    public int width() {
        return hashes.length / MerkleHashing.HASH_LENGTH;
    }

    public boolean isFull() {
        return width() == WIDTH;
    }

    public byte[] hash(int position) {
        int offset = position * MerkleHashing.HASH_LENGTH;
        return Arrays.copyOfRange(hashes, offset, offset + MerkleHashing.HASH_LENGTH);
    }

    /** The first {@code width} hashes: the partial tile a smaller tree had. */
    public Tile prefix(int width) {
        if (width < 1 || width > width()) {
            throw new IllegalArgumentException("tile " + level + "/" + index + " has " + width() + " hashes, not " + width);
        }
        return new Tile(level, index, Arrays.copyOf(hashes, width * MerkleHashing.HASH_LENGTH));
    }

    /** How many hashes level {@code level} holds in a tree of {@code treeSize} leaves. */
    static long hashesAtLevel(long treeSize, int level) {
        return level >= MAX_LEVELS ? 0 : treeSize >>> (HEIGHT * level);
    }
}
