package org.orgledger.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable RFC 9162 Merkle tree over the first {@link #size()} entries of a log.
 *
 * <p>Build it with {@link #fromLeafInputs(List)} when you hold the leaf inputs (in OrgLedger: the
 * 32-byte event chain hashes, which this class then hashes as SHA-256(0x00 || input)), or with
 * {@link #fromLeafHashes(List)} when you already hold leaf hashes. Confusing the two yields a
 * different, but self-consistent, tree; auditors would then fail to verify, so pick deliberately.
 *
 * <p>Because a log only grows, the tree of every earlier size is a prefix of this one, which is
 * why {@link #rootOf(int)} and the proofs accept any size up to {@link #size()}.
 *
 * <p>Cost: construction O(n) hashes and memory; {@link #root()} O(1); {@link #rootOf(int)}
 * O(log n) hashes; each proof O(log^2 n) hashes at worst. Instances are immutable and safe to
 * share between threads.
 */
public final class MerkleTree {

    private final SubtreeHashes subtrees;
    private final byte[] root;

    private MerkleTree(List<byte[]> leafHashes) {
        this.subtrees = new SubtreeHashes(leafHashes);
        this.root = subtrees.hashOfRange(0, subtrees.leafCount());
    }

    /**
     * Builds the tree from leaf inputs, hashing each as SHA-256(0x00 || input) (RFC 6962 sec 2.1).
     * In OrgLedger pass the raw 32-byte {@code hash} of each event, in chain order.
     */
    public static MerkleTree fromLeafInputs(List<byte[]> leafInputs) {
        Objects.requireNonNull(leafInputs, "leafInputs");
        List<byte[]> leafHashes = new ArrayList<>(leafInputs.size());
        for (byte[] input : leafInputs) {
            leafHashes.add(MerkleHashing.leafHash(input));
        }
        return new MerkleTree(leafHashes);
    }

    /** Builds the tree from already computed leaf hashes (each exactly 32 bytes), copied defensively. */
    public static MerkleTree fromLeafHashes(List<byte[]> leafHashes) {
        Objects.requireNonNull(leafHashes, "leafHashes");
        List<byte[]> copies = new ArrayList<>(leafHashes.size());
        for (int i = 0; i < leafHashes.size(); i++) {
            byte[] leafHash = Objects.requireNonNull(leafHashes.get(i), "leafHashes[" + i + "]");
            if (!MerkleHashing.isHash(leafHash)) {
                throw new IllegalArgumentException("leafHashes[" + i + "] has " + leafHash.length
                        + " bytes, expected " + MerkleHashing.HASH_LENGTH);
            }
            copies.add(leafHash.clone());
        }
        return new MerkleTree(copies);
    }

    /** Number of leaves. */
    public int size() {
        return subtrees.leafCount();
    }

    /** MTH(D[0:size()]); SHA-256("") for an empty tree. */
    public byte[] root() {
        return root.clone();
    }

    /** MTH(D[0:size]), the root the log had when it held its first {@code size} entries. */
    public byte[] rootOf(int size) {
        requireTreeSize(size);
        return subtrees.hashOfRange(0, size);
    }

    /** The leaf hash MTH({D[leafIndex]}) that an inclusion proof for that leaf starts from. */
    public byte[] leafHash(int leafIndex) {
        Objects.checkIndex(leafIndex, size());
        return subtrees.hashOfRange(leafIndex, leafIndex + 1);
    }

    /**
     * PATH(leafIndex, D[0:treeSize]) of RFC 9162 sec 2.1.3.1: the sibling hashes from the leaf up
     * to the root, nearest first. Empty for a one-leaf tree.
     *
     * @throws IllegalArgumentException unless {@code 0 <= leafIndex < treeSize <= size()}
     */
    public List<byte[]> inclusionProof(int leafIndex, int treeSize) {
        requireTreeSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leafIndex " + leafIndex + " outside a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        appendPath(leafIndex, 0, treeSize, path);
        return List.copyOf(path);
    }

    /**
     * PROOF(oldSize, D[0:newSize]) of RFC 9162 sec 2.1.4.1. Empty when oldSize == newSize or
     * oldSize == 0: those trees are consistent by definition and need no hashes.
     *
     * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize <= size()}
     */
    public List<byte[]> consistencyProof(int oldSize, int newSize) {
        requireTreeSize(newSize);
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("oldSize " + oldSize + " must be within 0.." + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            appendSubproof(oldSize, 0, newSize, true, proof);
        }
        return List.copyOf(proof);
    }

    /**
     * PATH(m, D[start:end]) with absolute leaf index m. The recursion appends the sibling after the
     * deeper part of the path, so the result is ordered leaf-to-root as the RFC requires.
     */
    private void appendPath(int leafIndex, int start, int end, List<byte[]> path) {
        if (end - start == 1) {
            return;
        }
        int middle = start + TreeShape.splitPoint(end - start);
        if (leafIndex < middle) {
            appendPath(leafIndex, start, middle, path);
            path.add(subtrees.hashOfRange(middle, end));
        } else {
            appendPath(leafIndex, middle, end, path);
            path.add(subtrees.hashOfRange(start, middle));
        }
    }

    /**
     * SUBPROOF(m, D[start:end], b) with absolute old size m. {@code oldTreeIsWholeRange} is the
     * RFC's flag b: when the old tree is exactly this (complete) subtree, the verifier already
     * knows its hash (the old root), so it is left out.
     */
    private void appendSubproof(int oldSize, int start, int end, boolean oldTreeIsWholeRange, List<byte[]> proof) {
        if (oldSize == end) {
            if (!oldTreeIsWholeRange) {
                proof.add(subtrees.hashOfRange(start, end));
            }
            return;
        }
        int middle = start + TreeShape.splitPoint(end - start);
        if (oldSize <= middle) {
            appendSubproof(oldSize, start, middle, oldTreeIsWholeRange, proof);
            proof.add(subtrees.hashOfRange(middle, end));
        } else {
            appendSubproof(oldSize, middle, end, false, proof);
            proof.add(subtrees.hashOfRange(start, middle));
        }
    }

    private void requireTreeSize(int treeSize) {
        if (treeSize < 0 || treeSize > size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " must be within 0.." + size());
        }
    }
}
