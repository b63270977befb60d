package org.orgledger.audit.note;

import java.util.Arrays;
import java.util.Base64;

/**
 * The text of a C2SP checkpoint (c2sp.org/tlog-checkpoint): the log's origin, its tree size in
 * decimal, and the base64 RFC 6962 root hash of that tree, each on its own line. OrgLedger writes
 * no extension lines: monitors cannot audit them.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new MalformedNote("a checkpoint's origin is one non-empty line");
        }
        if (treeSize < 0) {
            throw new MalformedNote("a tree size is not negative");
        }
        if (rootHash.length != 32) {
            throw new MalformedNote("a SHA-256 root hash is 32 bytes, not " + rootHash.length);
        }
        rootHash = rootHash.clone();
    }

    public String text() {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** Reads a note's text as a checkpoint; extension lines, if any, are ignored. */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new MalformedNote("a checkpoint has at least three lines, each ending in a newline");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new MalformedNote("a tree size is decimal without leading zeroes: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new MalformedNote("a root hash is base64: " + lines[2]);
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && treeSize == that.treeSize
                && Arrays.equals(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(treeSize)) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return text();
    }
}
