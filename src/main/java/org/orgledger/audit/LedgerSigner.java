package org.orgledger.audit;

import java.security.KeyPair;
import java.security.PublicKey;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.audit.chain.SignedTreeHead;
import org.orgledger.audit.note.Checkpoint;
import org.orgledger.audit.note.NoteSigner;
import org.orgledger.audit.note.NoteVerifierKey;
import org.orgledger.audit.note.SignedNote;

/**
 * The ledger's signing key: signs tree heads in the appending transaction, and the same tree as
 * a C2SP checkpoint (a second signature with the same key, over the note text), under the log's
 * origin as key name.
 */
public final class LedgerSigner {

    private final KeyPair keys;
    private final String keyId;
    private final NoteSigner notes;

    LedgerSigner(KeyPair keys, String origin) {
        this.keys = keys;
        this.keyId = Ed25519Keys.keyId(keys.getPublic());
        this.notes = new NoteSigner(origin, keys);
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public String origin() {
        return notes.verifierKey().name();
    }

    /** The note verifier key of this key under the log's origin. */
    public NoteVerifierKey verifierKey() {
        return notes.verifierKey();
    }

    SignedTreeHead sign(long treeSize, long lastSequence, byte[] root, String recordedAt) {
        byte[] signature = Ed25519Keys.sign(keys.getPrivate(),
                SignedTreeHead.statement(treeSize, lastSequence, root, recordedAt));
        return new SignedTreeHead(treeSize, lastSequence, root, recordedAt, keyId, signature);
    }

    SignedNote checkpoint(long treeSize, byte[] root) {
        return notes.signedNote(new Checkpoint(origin(), treeSize, root).text());
    }
}
