package org.orgledger.audit.chain;

import java.util.ArrayList;
import java.util.List;
import org.orgledger.audit.merkle.MerkleHashing;

/**
 * The right edge of an RFC 6962 tree: the hashes of its complete subtrees, largest first (one per
 * set bit of the size). Enough to compute the root and to append a leaf in O(log n), so that the
 * appending transaction can sign a new tree head without reading the whole log.
 */
public final class MerkleFrontier {

    private final long size;
    private final List<byte[]> subtrees;

    private MerkleFrontier(long size, List<byte[]> subtrees) {
        this.size = size;
        this.subtrees = subtrees;
    }

    public static MerkleFrontier empty() {
        return new MerkleFrontier(0, List.of());
    }

    /** Reads {@link #encode()}: the subtree hashes, concatenated. */
    public static MerkleFrontier decode(long size, byte[] encoded) {
        if (encoded.length != Long.bitCount(size) * MerkleHashing.HASH_LENGTH) {
            throw new IllegalArgumentException("a frontier of size " + size + " needs " + Long.bitCount(size) + " hashes");
        }
        List<byte[]> subtrees = new ArrayList<>();
        for (int offset = 0; offset < encoded.length; offset += MerkleHashing.HASH_LENGTH) {
            byte[] hash = new byte[MerkleHashing.HASH_LENGTH];
            System.arraycopy(encoded, offset, hash, 0, hash.length);
            subtrees.add(hash);
        }
        return new MerkleFrontier(size, List.copyOf(subtrees));
    }

    public long size() {
        return size;
    }

    /** The frontier after appending one leaf (its input: an event's chain hash). */
    public MerkleFrontier append(byte[] leafInput) {
        List<byte[]> next = new ArrayList<>(subtrees);
        next.add(MerkleHashing.leafHash(leafInput));
        // Like carrying in binary addition: each trailing 1 bit of the old size is a complete
        // subtree of the new leaf's size that now pairs with it.
        for (long n = size; (n & 1) == 1; n >>>= 1) {
            byte[] right = next.remove(next.size() - 1);
            byte[] left = next.remove(next.size() - 1);
            next.add(MerkleHashing.interiorHash(left, right));
        }
        return new MerkleFrontier(size + 1, List.copyOf(next));
    }

    /** MTH of the whole tree: the complete subtrees folded from the right (RFC 6962 sec 2.1). */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return MerkleHashing.emptyTreeHash();
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleHashing.interiorHash(subtrees.get(i), root);
        }
        return root.clone();
    }

    public byte[] encode() {
        byte[] encoded = new byte[subtrees.size() * MerkleHashing.HASH_LENGTH];
        for (int i = 0; i < subtrees.size(); i++) {
            System.arraycopy(subtrees.get(i), 0, encoded, i * MerkleHashing.HASH_LENGTH, MerkleHashing.HASH_LENGTH);
        }
        return encoded;
    }
}
