package org.orgledger.audit.note;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.orgledger.audit.chain.Ed25519Keys;

/**
 * Checks a signed note against the keys a reader trusts, as c2sp.org/signed-note says: signatures
 * from unknown keys (name and key ID not both matching a trusted key) are ignored; a signature
 * from a trusted key that does not verify rejects the whole note; a note with no verified
 * signature from a trusted key is rejected.
 */
public final class NoteVerifier {

    private final List<NoteVerifierKey> trusted;

    public NoteVerifier(Collection<NoteVerifierKey> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** @return the signatures that verified, each from a trusted key; never empty */
    public List<NoteSignature> verify(SignedNote note) {
        List<NoteSignature> verified = new ArrayList<>();
        for (NoteSignature signature : note.signatures()) {
            for (NoteVerifierKey key : trusted) {
                if (key.identifies(signature)) {
                    if (!verifies(key, note.text(), signature)) {
                        throw new NoteNotVerified("the signature of " + key.name() + " on the note does not verify");
                    }
                    verified.add(signature);
                }
            }
        }
        if (verified.isEmpty()) {
            throw new NoteNotVerified("no trusted key signed the note");
        }
        return verified;
    }

    private static boolean verifies(NoteVerifierKey key, String text, NoteSignature signature) {
        return switch (key.type()) {
            case NoteVerifierKey.ED25519 -> Ed25519Keys.verify(key.publicKey(),
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8), signature.signature());
            case NoteVerifierKey.COSIGNATURE_V1 -> {
                byte[] bytes = signature.signature();
                if (bytes.length != 72) {
                    yield false;
                }
                Cosignature cosignature = Cosignature.decode(bytes);
                yield Ed25519Keys.verify(key.publicKey(), Cosignature.message(cosignature.timestamp(), text),
                        cosignature.ed25519Signature());
            }
            default -> false;
        };
    }

    /** A note that the trusted keys do not vouch for. */
    public static final class NoteNotVerified extends RuntimeException {
        public NoteNotVerified(String message) {
            super(message);
        }
    }
}
