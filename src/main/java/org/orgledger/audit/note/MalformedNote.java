package org.orgledger.audit.note;

/** Text that is not a well-formed signed note, checkpoint, verifier key or cosignature. */
public class MalformedNote extends IllegalArgumentException {

    public MalformedNote(String message) {
        super(message);
    }
}
