package org.orgledger.audit.merkle;

import java.util.List;

/**
 * Hashes of every complete, aligned subtree of a log, computed once and held in memory, so that
 * MTH of any range produced by the RFC 6962 recursion costs O(log n) instead of O(n)
 * ({@link SubtreeWalk}).
 *
 * <p>{@code levels[h][i]} is MTH(D[i * 2^h : (i + 1) * 2^h]). Level 0 holds the leaf hashes; level
 * h + 1 is built pairwise from level h, so the whole table takes O(n) hashes and about 2n * 32
 * bytes (6.4 MB for 100k leaves).
 */
final class SubtreeHashes implements CompleteSubtrees {

    private final byte[][][] levels;
    private final int leafCount;

    SubtreeHashes(List<byte[]> leafHashes) {
        this.leafCount = leafHashes.size();
        int height = leafCount == 0 ? 1 : 32 - Integer.numberOfLeadingZeros(leafCount);
        this.levels = new byte[height][][];
        levels[0] = leafHashes.toArray(new byte[0][]);
        for (int h = 1; h < height; h++) {
            byte[][] below = levels[h - 1];
            byte[][] level = new byte[below.length / 2][];
            for (int i = 0; i < level.length; i++) {
                level[i] = MerkleHashing.interiorHash(below[2 * i], below[2 * i + 1]);
            }
            levels[h] = level;
        }
    }

    int leafCount() {
        return leafCount;
    }

    /** MTH(D[index * 2^height : (index + 1) * 2^height]), a fresh array the caller may keep. */
    @Override
    public byte[] hash(int height, long index) {
        if (height >= levels.length || index < 0 || index >= levels[height].length) {
            throw new IllegalArgumentException("no complete subtree of height " + height + " at " + index
                    + " in a tree of " + leafCount + " leaves");
        }
        return levels[height][(int) index].clone();
    }
}
