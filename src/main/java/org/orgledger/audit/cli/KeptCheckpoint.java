package org.orgledger.audit.cli;

import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import org.orgledger.audit.chain.Verdict;
import org.orgledger.audit.merkle.MerkleProofs;
import org.orgledger.audit.merkle.MerkleTree;
import org.orgledger.audit.note.Checkpoint;
import org.orgledger.audit.note.MalformedNote;
import org.orgledger.audit.note.NoteVerifier;
import org.orgledger.audit.note.NoteVerifierKey;
import org.orgledger.audit.note.SignedNote;

/**
 * The check that needs something kept outside the ledger: the newest checkpoint a reader saw
 * before. A ledger whose newest events were deleted together with their tree heads, or whose
 * history was rewritten and re-signed, still verifies on its own; it does not extend the
 * checkpoint the reader kept. The check is the RFC 9162 consistency proof from the kept size to
 * the export's newest signed size, built from the export's leaves and verified on its own.
 */
final class KeptCheckpoint {

    private KeptCheckpoint() {
    }

    static Verdict check(SignedNote kept, String exportOrigin, Collection<PublicKey> trustedKeys, MerkleTree exported,
                         Verdict verdict) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(kept.text());
        } catch (MalformedNote e) {
            return invalid(verdict, "the kept checkpoint is not a checkpoint: " + e.getMessage());
        }
        if (exportOrigin != null && !exportOrigin.equals(checkpoint.origin())) {
            return invalid(verdict, "the kept checkpoint is of the log " + checkpoint.origin()
                    + ", the export of " + exportOrigin);
        }
        List<NoteVerifierKey> keys = trustedKeys.stream()
                .map(key -> NoteVerifierKey.ed25519(checkpoint.origin(), key)).toList();
        try {
            new NoteVerifier(keys).verify(kept);
        } catch (NoteVerifier.NoteNotVerified | MalformedNote e) {
            return invalid(verdict, "the kept checkpoint is not signed by a key trusted for this export ("
                    + e.getMessage() + "): the export was signed by another key, or the checkpoint is forged");
        }
        long keptSize = checkpoint.treeSize();
        long size = verdict.treeSize();
        if (keptSize > size) {
            return invalid(verdict, "rollback: the kept checkpoint covers " + keptSize
                    + " events, the export only " + size + ": events were removed with their tree heads");
        }
        byte[] root = exported.rootOf((int) size);
        List<byte[]> proof = exported.consistencyProof((int) keptSize, (int) size);
        if (!MerkleProofs.verifyConsistency(keptSize, size, checkpoint.rootHash(), root, proof)) {
            return invalid(verdict, "fork: the export's first " + keptSize
                    + " events are not those of the kept checkpoint: history was rewritten and signed again");
        }
        return verdict;
    }

    private static Verdict invalid(Verdict verdict, String reason) {
        return new Verdict(false, verdict.eventsChecked(), null, 0, null, reason);
    }
}
