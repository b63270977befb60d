package org.orgledger.audit.note;

import java.security.KeyPair;
import org.orgledger.audit.chain.Ed25519Keys;

/** Signs note texts with one Ed25519 key under one key name (a log key or a witness key). */
public final class NoteSigner {

    private final KeyPair keys;
    private final NoteVerifierKey logKey;
    private final NoteVerifierKey cosignerKey;

    public NoteSigner(String name, KeyPair keys) {
        this.keys = keys;
        this.logKey = NoteVerifierKey.ed25519(name, keys.getPublic());
        this.cosignerKey = NoteVerifierKey.cosigner(name, keys.getPublic());
    }

    /** The key that verifies {@link #sign}. */
    public NoteVerifierKey verifierKey() {
        return logKey;
    }

    /** The key that verifies {@link #cosign}. */
    public NoteVerifierKey cosignerKey() {
        return cosignerKey;
    }

    /** An Ed25519 signature line over the note text (signature type 0x01). */
    public NoteSignature sign(String text) {
        SignedNote.requireText(text);
        byte[] signature = Ed25519Keys.sign(keys.getPrivate(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new NoteSignature(logKey.name(), logKey.keyId(), signature);
    }

    public SignedNote signedNote(String text) {
        return new SignedNote(text, java.util.List.of(sign(text)));
    }

    /** A witness's cosignature line over a checkpoint's text at {@code timestamp} (type 0x04). */
    public NoteSignature cosign(String checkpointText, long timestamp) {
        byte[] signature = Ed25519Keys.sign(keys.getPrivate(), Cosignature.message(timestamp, checkpointText));
        return new NoteSignature(cosignerKey.name(), cosignerKey.keyId(), new Cosignature(timestamp, signature).encode());
    }
}
