package org.orgledger.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Roots and proofs (RFC 9162 sec 2.1) of a tree of any size, built only from the hashes of its
 * complete, aligned subtrees. The RFC's recursion always splits a range at a power of two, so
 * each left part is one complete subtree and only the ragged right edge recurses: a root costs
 * O(log n) subtree lookups, a proof O(log^2 n) at worst. The walk never looks at a hash to decide
 * where to go, so the subtrees a walk needs can be listed before any is read.
 */
public final class SubtreeWalk {

    private final CompleteSubtrees subtrees;

    public SubtreeWalk(CompleteSubtrees subtrees) {
        this.subtrees = Objects.requireNonNull(subtrees, "subtrees");
    }

    /** MTH(D[0:size]); SHA-256("") for size 0. */
    public byte[] root(long size) {
        requireNonNegative(size);
        return hashOfRange(0, size);
    }

    /** PATH(leafIndex, D[0:treeSize]) of RFC 9162 sec 2.1.3.1, nearest sibling first. */
    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leafIndex " + leafIndex + " outside a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        appendPath(leafIndex, 0, treeSize, path);
        return List.copyOf(path);
    }

    /**
     * PROOF(oldSize, D[0:newSize]) of RFC 9162 sec 2.1.4.1; empty when oldSize == newSize or
     * oldSize == 0, which are consistent by definition.
     */
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("oldSize " + oldSize + " must be within 0.." + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            appendSubproof(oldSize, 0, newSize, true, proof);
        }
        return List.copyOf(proof);
    }

    /** MTH(D[start:end]) for the ranges the RFC recursion meets from a prefix D[0:n]. */
    byte[] hashOfRange(long start, long end) {
        long length = end - start;
        if (length == 0) {
            return MerkleHashing.emptyTreeHash();
        }
        if (TreeShape.isPowerOfTwo(length) && start % length == 0) {
            int height = Long.numberOfTrailingZeros(length);
            return subtrees.hash(height, start >>> height);
        }
        long split = TreeShape.splitPoint(length);
        return MerkleHashing.interiorHash(hashOfRange(start, start + split), hashOfRange(start + split, end));
    }

    /** PATH(m, D[start:end]) with absolute leaf index m; siblings appended after the deeper part. */
    private void appendPath(long leafIndex, long start, long end, List<byte[]> path) {
        if (end - start == 1) {
            return;
        }
        long middle = start + TreeShape.splitPoint(end - start);
        if (leafIndex < middle) {
            appendPath(leafIndex, start, middle, path);
            path.add(hashOfRange(middle, end));
        } else {
            appendPath(leafIndex, middle, end, path);
            path.add(hashOfRange(start, middle));
        }
    }

    /**
     * SUBPROOF(m, D[start:end], b) with absolute old size m. {@code oldTreeIsWholeRange} is the
     * RFC's flag b: when the old tree is exactly this (complete) subtree, the verifier already
     * knows its hash (the old root), so it is left out.
     */
    private void appendSubproof(long oldSize, long start, long end, boolean oldTreeIsWholeRange, List<byte[]> proof) {
        if (oldSize == end) {
            if (!oldTreeIsWholeRange) {
                proof.add(hashOfRange(start, end));
            }
            return;
        }
        long middle = start + TreeShape.splitPoint(end - start);
        if (oldSize <= middle) {
            appendSubproof(oldSize, start, middle, oldTreeIsWholeRange, proof);
            proof.add(hashOfRange(middle, end));
        } else {
            appendSubproof(oldSize, middle, end, false, proof);
            proof.add(hashOfRange(start, middle));
        }
    }

    private static void requireNonNegative(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " must not be negative");
        }
    }
}
