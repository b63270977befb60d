package org.orgledger.audit.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The auditor's side: verifies inclusion and consistency proofs with the algorithms of RFC 9162
 * sec 2.1.3.2 and 2.1.4.2. It deliberately shares nothing with {@link MerkleTree} except the hash
 * rules, so that a bug in proof generation cannot be masked by the same bug in verification.
 *
 * <p>Every method answers {@code false} for any malformed input (negative or out-of-order sizes,
 * hashes that are not 32 bytes, proofs of the wrong length) rather than throwing, because the
 * inputs normally come from an untrusted party. Only {@code null} arguments throw.
 *
 * <p>A proof is only as good as the (size, root) pairs it is checked against: take both values of
 * a pair from the same signed or otherwise trusted tree head.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /**
     * Whether {@code path} proves that the leaf with hash {@code leafHash} sits at
     * {@code leafIndex} in the tree of {@code treeSize} leaves whose root is {@code root}
     * (RFC 9162 sec 2.1.3.2).
     *
     * @param leafHash the leaf hash, SHA-256(0x00 || leaf input), not the leaf input itself
     */
    public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path,
                                          byte[] root) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(root, "root");
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        if (!MerkleHashing.isHash(leafHash) || !MerkleHashing.isHash(root) || !allHashes(path)) {
            return false;
        }
        // fn is the node's index within its level, sn the index of the level's last node.
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false; // more hashes than levels: reject padded proofs
            }
            if (isOdd(fn) || fn == sn) {
                // We are a right child, or the last node of a ragged level (which is promoted
                // unchanged until it becomes a right child).
                r = MerkleHashing.interiorHash(p, r);
                while (!isOdd(fn) && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHashing.interiorHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} proves that the tree of {@code oldSize} leaves with root
     * {@code oldRoot} is a prefix of the tree of {@code newSize} leaves with root {@code newRoot}
     * (RFC 9162 sec 2.1.4.2).
     *
     * <p>The RFC only defines the algorithm for 0 &lt; oldSize &lt; newSize. The edge cases follow
     * what {@link MerkleTree#consistencyProof(int, int)} produces: for oldSize == newSize the proof
     * must be empty and the roots equal; for oldSize == 0 the proof must be empty and oldRoot must
     * be the empty-tree hash SHA-256("") (stricter than some implementations, which ignore it).
     */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
                                            List<byte[]> proof) {
        Objects.requireNonNull(oldRoot, "oldRoot");
        Objects.requireNonNull(newRoot, "newRoot");
        Objects.requireNonNull(proof, "proof");
        if (oldSize < 0 || newSize < oldSize) {
            return false;
        }
        if (!MerkleHashing.isHash(oldRoot) || !MerkleHashing.isHash(newRoot) || !allHashes(proof)) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, MerkleHashing.emptyTreeHash());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (TreeShape.isPowerOfTwo(oldSize)) {
            // The old tree is then a complete subtree of the new one, and PROOF omits its hash
            // because the verifier already holds it.
            path.add(oldRoot);
        }
        path.addAll(proof);

        long fn = oldSize - 1;
        long sn = newSize - 1;
        // Climb past the levels where the old tree's last node is a right child whose left
        // sibling lies inside the first proof node.
        while (isOdd(fn)) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false; // more hashes than levels: reject padded proofs
            }
            if (isOdd(fn) || fn == sn) {
                // c is a left sibling shared by both trees.
                fr = MerkleHashing.interiorHash(c, fr);
                sr = MerkleHashing.interiorHash(c, sr);
                while (!isOdd(fn) && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                // c is a right sibling that exists only in the new tree.
                sr = MerkleHashing.interiorHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    private static boolean isOdd(long n) {
        return (n & 1) == 1;
    }

    private static boolean allHashes(List<byte[]> hashes) {
        for (byte[] hash : hashes) {
            if (!MerkleHashing.isHash(Objects.requireNonNull(hash, "proof element"))) {
                return false;
            }
        }
        return true;
    }
}
