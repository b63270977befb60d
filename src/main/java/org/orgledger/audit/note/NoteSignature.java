package org.orgledger.audit.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * One signature line of a signed note: {@code — <key name> base64(key ID || signature)}. The key
 * ID is the first four bytes of a hash over the key's name, type and public key
 * ({@link NoteVerifierKey}); {@code signature} is whatever the key's type defines (64 bytes for
 * Ed25519, 8 + 64 for a timestamped cosignature).
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    static final String PREFIX = "\u2014 ";

    public NoteSignature {
        NoteVerifierKey.requireKeyName(keyName);
        signature = signature.clone();
    }

    /** The line as it appears in a note, ending in a newline. */
    public String line() {
        byte[] blob = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        return PREFIX + keyName + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** Reads one line, without its final newline. */
    public static NoteSignature parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new MalformedNote("a signature line starts with an em dash and a space: " + line);
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
            throw new MalformedNote("a signature line is a key name and a base64 signature: " + line);
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new MalformedNote("the signature is not base64: " + line);
        }
        if (blob.length < 5) {
            throw new MalformedNote("a signature holds a 4-byte key ID and at least one byte: " + line);
        }
        return new NoteSignature(rest.substring(0, space), ByteBuffer.wrap(blob).getInt(),
                Arrays.copyOfRange(blob, 4, blob.length));
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyId == that.keyId
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keyName.hashCode() + keyId) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return line().strip();
    }
}
