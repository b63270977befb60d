package org.orgledger.audit.merkle;

/** Integer helpers for the shape rules of RFC 6962 sec 2.1. */
final class TreeShape {

    private TreeShape() {
    }

    /**
     * The split point k of a tree with {@code n > 1} leaves: the largest power of two strictly
     * smaller than n (RFC 6962 sec 2.1). The left subtree is then always complete.
     */
    static long splitPoint(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("a tree needs at least 2 leaves to split, got " + n);
        }
        return Long.highestOneBit(n - 1);
    }

    static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }
}
