package org.orgledger.audit.chain;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A signed statement that the log's first {@code treeSize} events, the last of them
 * {@code lastSequence} recorded at {@code recordedAt}, have the Merkle root {@code root}.
 * The signature (Ed25519) covers {@link #statement()}, a small text anyone can rebuild.
 */
public record SignedTreeHead(long treeSize, long lastSequence, byte[] root, String recordedAt,
                             String keyId, byte[] signature) {

    public static final String VERSION = "orgledger-tree-head-v1";

    /**
     * The signed bytes: five lines, each ending in a line feed:
     * {@code orgledger-tree-head-v1}, the tree size, the last sequence, the root in lowercase hex,
     * and the recorded time of the last event as stored.
     */
    public static byte[] statement(long treeSize, long lastSequence, byte[] root, String recordedAt) {
        String text = VERSION + "\n" + treeSize + "\n" + lastSequence + "\n" + HexFormat.of().formatHex(root)
                + "\n" + recordedAt + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] statement() {
        return statement(treeSize, lastSequence, root, recordedAt);
    }
}
