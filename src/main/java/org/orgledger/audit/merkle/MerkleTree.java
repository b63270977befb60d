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
    private final SubtreeWalk walk;
    private final byte[] root;

    private MerkleTree(List<byte[]> leafHashes) {
        this.subtrees = new SubtreeHashes(leafHashes);
        this.walk = new SubtreeWalk(subtrees);
        this.root = walk.root(subtrees.leafCount());
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
        return walk.root(size);
    }

    /** The leaf hash MTH({D[leafIndex]}) that an inclusion proof for that leaf starts from. */
    public byte[] leafHash(int leafIndex) {
        Objects.checkIndex(leafIndex, size());
        return subtrees.hash(0, leafIndex);
    }

    /**
     * MTH(D[index * 2^height : (index + 1) * 2^height]): the hash of a complete, aligned subtree,
     * which a stored copy of the tree (tiles) can be checked against.
     *
     * @throws IllegalArgumentException unless that subtree lies inside this tree
     */
    public byte[] completeSubtreeHash(int height, long index) {
        return subtrees.hash(height, index);
    }

    /**
     * PATH(leafIndex, D[0:treeSize]) of RFC 9162 sec 2.1.3.1: the sibling hashes from the leaf up
     * to the root, nearest first. Empty for a one-leaf tree.
     *
     * @throws IllegalArgumentException unless {@code 0 <= leafIndex < treeSize <= size()}
     */
    public List<byte[]> inclusionProof(int leafIndex, int treeSize) {
        requireTreeSize(treeSize);
        return walk.inclusionProof(leafIndex, treeSize);
    }

    /**
     * PROOF(oldSize, D[0:newSize]) of RFC 9162 sec 2.1.4.1. Empty when oldSize == newSize or
     * oldSize == 0: those trees are consistent by definition and need no hashes.
     *
     * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize <= size()}
     */
    public List<byte[]> consistencyProof(int oldSize, int newSize) {
        requireTreeSize(newSize);
        return walk.consistencyProof(oldSize, newSize);
    }

    private void requireTreeSize(int treeSize) {
        if (treeSize < 0 || treeSize > size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " must be within 0.." + size());
        }
    }
}
