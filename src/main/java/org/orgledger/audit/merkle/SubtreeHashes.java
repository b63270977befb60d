package org.orgledger.audit.merkle;

import java.util.List;

/**
 * Hashes of every complete, aligned subtree of a log, computed once, so that MTH of any range
 * produced by the RFC 6962 recursion costs O(log n) instead of O(n).
 *
 * <p>{@code levels[h][i]} is MTH(D[i * 2^h : (i + 1) * 2^h]). Level 0 holds the leaf hashes; level
 * h + 1 is built pairwise from level h, so the whole table takes O(n) hashes and about 2n * 32
 * bytes (6.4 MB for 100k leaves).
 */
final class SubtreeHashes {

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

    /**
     * MTH(D[start:end]) per RFC 6962 sec 2.1. Always returns a fresh array the caller may keep.
     *
     * <p>Ranges met while walking the RFC recursion from a prefix D[0:n] have a complete left
     * part aligned on its own size, so every left part is a single table lookup and only the
     * ragged right edge recurses: O(log n) per call.
     */
    byte[] hashOfRange(int start, int end) {
        int length = end - start;
        if (length == 0) {
            return MerkleHashing.emptyTreeHash();
        }
        if (TreeShape.isPowerOfTwo(length) && start % length == 0) {
            int level = Integer.numberOfTrailingZeros(length);
            return levels[level][start >>> level].clone();
        }
        int split = TreeShape.splitPoint(length);
        return MerkleHashing.interiorHash(hashOfRange(start, start + split), hashOfRange(start + split, end));
    }
}
