package org.orgledger.audit.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.platform.Sha256;

/**
 * A public key as signed-note tooling names it: {@code <name>+<hex key ID>+<base64(type || key)>}
 * (the form of Go's {@code golang.org/x/mod/sumdb/note} and of every C2SP witness). The key ID is
 * {@code SHA-256(name || 0x0A || type || key)[:4]}, so one Ed25519 key yields a different ID as a
 * log key (type {@code 0x01}) and as a cosigner key (type {@code 0x04}).
 */
public record NoteVerifierKey(String name, byte type, byte[] key) {

    /** Ed25519 signatures over the note text (c2sp.org/signed-note). */
    public static final byte ED25519 = 0x01;
    /** Timestamped Ed25519 witness cosignatures (c2sp.org/tlog-cosignature). */
    public static final byte COSIGNATURE_V1 = 0x04;

    public NoteVerifierKey {
        requireKeyName(name);
        if ((type == ED25519 || type == COSIGNATURE_V1) && key.length != 32) {
            throw new MalformedNote("an Ed25519 key is 32 bytes, not " + key.length);
        }
        key = key.clone();
    }

    public static NoteVerifierKey ed25519(String name, PublicKey key) {
        return new NoteVerifierKey(name, ED25519, Ed25519Keys.rawPublicKey(key));
    }

    public static NoteVerifierKey cosigner(String name, PublicKey key) {
        return new NoteVerifierKey(name, COSIGNATURE_V1, Ed25519Keys.rawPublicKey(key));
    }

    public static NoteVerifierKey parse(String text) {
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new MalformedNote("a verifier key reads <name>+<8 hex digits>+<base64 key>: " + text);
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new MalformedNote("the key of a verifier key is base64: " + text);
        }
        if (typed.length < 2) {
            throw new MalformedNote("a verifier key holds a type byte and a key: " + text);
        }
        NoteVerifierKey key = new NoteVerifierKey(parts[0], typed[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (key.keyId() != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new MalformedNote("the key ID of a verifier key does not match its name and key: " + text);
        }
        return key;
    }

    public int keyId() {
        return ByteBuffer.wrap(Sha256.of(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', type}, key)).getInt();
    }

    public PublicKey publicKey() {
        return Ed25519Keys.publicKeyFromRaw(key);
    }

    /** Whether this key made a signature line: the name and the key ID both match. */
    public boolean identifies(NoteSignature signature) {
        return name.equals(signature.keyName()) && keyId() == signature.keyId();
    }

    /** The text form, {@code <name>+<hex key ID>+<base64(type || key)>}. */
    public String encode() {
        byte[] typed = ByteBuffer.allocate(1 + key.length).put(type).put(key).array();
        return name + "+" + HexFormat.of().toHexDigits(keyId()) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifierKey that && name.equals(that.name) && type == that.type
                && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + type) + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return encode();
    }

    static void requireKeyName(String name) {
        if (name == null || name.isEmpty() || name.codePoints().anyMatch(c -> c == '+' || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || c < 0x20)) {
            throw new MalformedNote("a key name is not empty and holds no spaces or plus signs: " + name);
        }
    }
}
