package org.orgledger.audit.merkle;

/**
 * Where the hashes of complete, aligned subtrees come from: an in-memory table
 * ({@link MerkleTree}) or stored tiles. Every root and proof of RFC 6962 is made of such hashes,
 * so a source that answers each in O(1) gives roots and proofs of any size in O(log n) lookups
 * ({@link SubtreeWalk}).
 */
public interface CompleteSubtrees {

    /**
     * MTH(D[index * 2^height : (index + 1) * 2^height]), the hash of the {@code index}-th complete
     * subtree of {@code 2^height} leaves. Called only for subtrees inside the tree being walked.
     */
    byte[] hash(int height, long index);
}
