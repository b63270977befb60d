package org.orgledger.audit.merkle;

import java.security.MessageDigest;
import java.util.Objects;
import org.orgledger.platform.Sha256;

/**
 * The hash rules of RFC 6962 sec 2.1 (unchanged in RFC 9162 sec 2.1.1), with SHA-256.
 *
 * <p>Leaves and interior nodes get different one-byte prefixes so that a leaf can never be passed
 * off as an interior node or vice versa (second-preimage protection, RFC 6962 sec 2.1).
 */
public final class MerkleHashing {

    /** Length in bytes of every hash in the tree (SHA-256). */
    public static final int HASH_LENGTH = 32;

    static final byte LEAF_PREFIX = 0x00;
    static final byte INTERIOR_PREFIX = 0x01;

    private MerkleHashing() {
    }

    /** MTH({}) = SHA-256() : the root of a tree with no leaves. */
    public static byte[] emptyTreeHash() {
        return Sha256.newDigest().digest();
    }

    /**
     * MTH({d}) = SHA-256(0x00 || d).
     *
     * @param leafInput the leaf's bytes; in OrgLedger the 32 raw bytes of the event's chain hash
     */
    public static byte[] leafHash(byte[] leafInput) {
        Objects.requireNonNull(leafInput, "leafInput");
        MessageDigest sha256 = Sha256.newDigest();
        sha256.update(LEAF_PREFIX);
        sha256.update(leafInput);
        return sha256.digest();
    }

    /** SHA-256(0x01 || left || right), the hash of an interior node from its two children. */
    public static byte[] interiorHash(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        MessageDigest sha256 = Sha256.newDigest();
        sha256.update(INTERIOR_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    static boolean isHash(byte[] candidate) {
        return candidate != null && candidate.length == HASH_LENGTH;
    }
}
