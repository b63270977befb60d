package org.orgledger.audit;

import java.security.KeyPair;
import java.security.PublicKey;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.audit.chain.SignedTreeHead;

/** The ledger's signing key: signs tree heads in the appending transaction. */
public final class LedgerSigner {

    private final KeyPair keys;
    private final String keyId;

    LedgerSigner(KeyPair keys) {
        this.keys = keys;
        this.keyId = Ed25519Keys.keyId(keys.getPublic());
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    SignedTreeHead sign(long treeSize, long lastSequence, byte[] root, String recordedAt) {
        byte[] signature = Ed25519Keys.sign(keys.getPrivate(),
                SignedTreeHead.statement(treeSize, lastSequence, root, recordedAt));
        return new SignedTreeHead(treeSize, lastSequence, root, recordedAt, keyId, signature);
    }
}
