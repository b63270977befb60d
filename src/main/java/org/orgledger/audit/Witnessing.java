package org.orgledger.audit;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.orgledger.audit.CheckpointLog.StoredCheckpoint;
import org.orgledger.audit.note.NoteSignature;
import org.orgledger.audit.note.NoteVerifier;
import org.orgledger.audit.note.NoteVerifierKey;
import org.orgledger.audit.note.SignedNote;
import org.orgledger.audit.tiles.TileStore;
import org.orgledger.platform.background.CoalescingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks the configured witnesses to cosign the newest checkpoint (c2sp.org/tlog-witness), on one
 * background thread, after the transaction that wrote it has committed: a command never waits
 * for a witness and never fails because of one. A failed round is retried with a growing delay;
 * the next commit (or the next start) tries again at once. Only the newest checkpoint is sent, with
 * a consistency proof from the size the witness last cosigned, so a witness that was away catches
 * up in one call. Without witnesses this does nothing and starts no thread.
 */
@Component
class Witnessing implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Witnessing.class);
    private final List<WitnessClient> witnesses;
    private final CheckpointLog checkpoints;
    private final TileStore tiles;
    private final Clock clock;
    private final CoalescingWorker worker;

    Witnessing(AuditProperties audit, CheckpointLog checkpoints, TileStore tiles, Clock clock) {
        this.checkpoints = checkpoints;
        this.tiles = tiles;
        this.clock = clock;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.witnesses = audit.witnesses().stream()
                .map(witness -> new WitnessClient(witness.url(), cosignerKey(witness), http))
                .toList();
        this.worker = witnesses.isEmpty() ? null : new CoalescingWorker("orgledger-witnessing", this::round);
    }

    private static NoteVerifierKey cosignerKey(AuditProperties.Witness witness) {
        if (witness.url() == null || witness.verifierKey() == null) {
            throw new IllegalStateException("a witness needs a url and a verifier-key");
        }
        NoteVerifierKey key = NoteVerifierKey.parse(witness.verifierKey());
        if (key.type() != NoteVerifierKey.COSIGNATURE_V1) {
            throw new IllegalStateException("the witness key " + key.name()
                    + " is not an Ed25519 cosignature key (type 0x04, c2sp.org/tlog-cosignature)");
        }
        return key;
    }

    /** Called under the ledger lock, before commit: submits once the transaction has committed. */
    void submitAfterCommit() {
        if (worker != null) {
            worker.wakeAfterCommit();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAfterStart() {
        if (worker != null) {
            worker.wake();
        }
    }

    private CoalescingWorker.Outcome round(Duration retryDelay) throws InterruptedException {
        boolean allCosigned = true;
        for (WitnessClient witness : witnesses) {
            try {
                submitNewest(witness);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                allCosigned = false;
                log.warn("The witness {} did not cosign the newest checkpoint: {}; retrying in {}", witness.name(),
                        e.getMessage(), retryDelay);
            }
        }
        return allCosigned ? CoalescingWorker.Outcome.done() : CoalescingWorker.Outcome.failed();
    }

    private void submitNewest(WitnessClient witness) throws Exception {
        StoredCheckpoint newest = checkpoints.latest().orElse(null);
        if (newest == null) {
            return;
        }
        long oldSize = checkpoints.lastCosignedSize(witness.name());
        if (oldSize == newest.treeSize()) {
            return;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            if (oldSize > newest.treeSize()) {
                // The witness has cosigned a larger tree of this origin than this ledger holds:
                // the ledger was rolled back, or another ledger uses its origin.
                throw new IllegalStateException("the witness saw a tree of size " + oldSize
                        + ", larger than this ledger's " + newest.treeSize() + ": rollback or origin clash");
            }
            WitnessClient.Answer answer = witness.addCheckpoint(oldSize, consistencyProof(oldSize, newest.treeSize()),
                    newest.note());
            if (answer.status() == 200) {
                keepCosignatures(witness, newest, answer.body());
                return;
            }
            Long witnessSize = answer.witnessSize();
            if (witnessSize == null) {
                throw new IllegalStateException("HTTP " + answer.status() + " " + answer.body().strip());
            }
            oldSize = witnessSize;
        }
        throw new IllegalStateException("the witness changed its size twice in a row");
    }

    /** From the stored tiles: O(log n) hashes read, however long the log (0017). */
    private List<byte[]> consistencyProof(long oldSize, long newSize) {
        return tiles.consistencyProof(oldSize, newSize);
    }

    /** Keeps the cosignatures that verify with the witness's configured key; ignores any other line. */
    private void keepCosignatures(WitnessClient witness, StoredCheckpoint checkpoint, String body) {
        List<NoteSignature> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                lines.add(NoteSignature.parse(line));
            }
        }
        SignedNote cosigned = new SignedNote(checkpoint.note().text(), lines);
        for (NoteSignature cosignature : new NoteVerifier(List.of(witness.key())).verify(cosigned)) {
            checkpoints.addCosignature(witness.name(), checkpoint.treeSize(), cosignature, clock.instant());
        }
        log.info("The witness {} cosigned the checkpoint of size {}", witness.name(), checkpoint.treeSize());
    }

    @Override
    public void destroy() {
        if (worker != null) {
            worker.close();
        }
    }
}
