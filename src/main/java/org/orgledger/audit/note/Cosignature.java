package org.orgledger.audit.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A witness's Ed25519 cosignature (c2sp.org/tlog-cosignature, v1): a note signature whose bytes
 * are a big-endian 64-bit POSIX timestamp followed by an Ed25519 signature over
 * {@code "cosignature/v1\ntime <timestamp>\n"} and the checkpoint's text.
 */
public record Cosignature(long timestamp, byte[] ed25519Signature) {

    public Cosignature {
        if (timestamp < 0) {
            throw new MalformedNote("a cosignature's timestamp is at most 2^63 - 1");
        }
        if (ed25519Signature.length != 64) {
            throw new MalformedNote("an Ed25519 signature is 64 bytes, not " + ed25519Signature.length);
        }
        ed25519Signature = ed25519Signature.clone();
    }

    public static Cosignature decode(byte[] signature) {
        if (signature.length != 8 + 64) {
            throw new MalformedNote("an Ed25519 cosignature is 72 bytes, not " + signature.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(signature);
        long timestamp = buffer.getLong();
        return new Cosignature(timestamp, Arrays.copyOfRange(signature, 8, signature.length));
    }

    public byte[] encode() {
        return ByteBuffer.allocate(8 + 64).putLong(timestamp).put(ed25519Signature).array();
    }

    /** The bytes a witness signs for {@code checkpointText} at {@code timestamp}. */
    public static byte[] message(long timestamp, String checkpointText) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] ed25519Signature() {
        return ed25519Signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cosignature that && timestamp == that.timestamp
                && Arrays.equals(ed25519Signature, that.ed25519Signature);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(timestamp) + Arrays.hashCode(ed25519Signature);
    }
}
