package org.orgledger.audit;

import java.security.PublicKey;
import java.util.Map;
import org.orgledger.audit.AuditProblem.Code;
import org.orgledger.audit.AuditViews.ConsistencyView;
import org.orgledger.audit.AuditViews.ProofView;
import org.orgledger.audit.AuditViews.TreeHeadView;
import org.orgledger.audit.chain.ChainVerifier;
import org.orgledger.audit.chain.SignedTreeHead;
import org.orgledger.audit.chain.Verdict;
import org.orgledger.audit.merkle.MerkleHashing;
import org.orgledger.audit.tiles.TileCheck;
import org.orgledger.audit.tiles.TileStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification and proofs over the stored log. Each call reads one snapshot (repeatable read),
 * so the rows, their hashes and the tree heads it compares were all committed together.
 */
@Service
public class LedgerAudit {

    private final EventLog log;
    private final TreeHeadLog heads;
    private final TileStore tiles;

    LedgerAudit(EventLog log, TreeHeadLog heads, TileStore tiles) {
        this.log = log;
        this.heads = heads;
        this.tiles = tiles;
    }

    /**
     * Recomputes the whole chain from the stored rows and checks it against every signed tree head;
     * once the log is proven, checks the stored tiles (which proofs are served from) against it.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verdict verify() {
        ChainVerifier verifier = new ChainVerifier();
        log.forEachEntry(verifier::accept);
        Map<String, PublicKey> keys = heads.keys();
        Verdict verdict = verifier.finish(heads.all(), keys::get);
        if (!verdict.valid()) {
            return verdict;
        }
        TileCheck check = new TileCheck(verifier.acceptedTree());
        tiles.forEachTile(check::accept);
        return check.finish()
                .map(mismatch -> new Verdict(false, verdict.eventsChecked(), null, 0,
                        verifier.sequenceOfLeaf(mismatch.leafIndex()), mismatch.reason()))
                .orElse(verdict);
    }

    /** O(log n): the leaf is found from its transaction's head, the path read from the stored tiles. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ProofView inclusionProof(long sequence, Long treeSize) {
        SignedTreeHead head = treeSize == null ? currentHead() : headOfSize(treeSize);
        EventLog.Leaf leaf = log.leafOf(sequence).filter(found -> found.index() < head.treeSize())
                .orElseThrow(() -> new AuditProblem(Code.UNKNOWN_SEQUENCE, "no event with sequence " + sequence
                        + " in the signed tree of size " + head.treeSize()));
        return new ProofView(sequence, leaf.index(), AuditViews.hex(leaf.hash()),
                AuditViews.hex(MerkleHashing.leafHash(leaf.hash())), head.treeSize(), AuditViews.hex(head.root()),
                AuditViews.hex(tiles.inclusionProof(leaf.index(), head.treeSize())), TreeHeadView.of(head));
    }

    /** O(log n): the proof and the root of a size between two heads are read from the stored tiles. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ConsistencyView consistencyProof(long from, Long to) {
        SignedTreeHead newer = to == null ? currentHead() : headOfSize(to);
        if (from < 0 || from > newer.treeSize()) {
            throw new AuditProblem(Code.INVALID_TREE_SIZE, "from must be within 0.." + newer.treeSize());
        }
        // Heads are signed per transaction (decision 0007): a size between two heads is proven
        // from the tiles, and shown without a signature of its own.
        SignedTreeHead older = from == 0 ? null : heads.ofSize(from).orElse(null);
        byte[] oldRoot = older != null ? older.root() : tiles.root(from);
        return new ConsistencyView(from, newer.treeSize(),
                AuditViews.hex(oldRoot),
                AuditViews.hex(newer.root()), AuditViews.hex(tiles.consistencyProof(from, newer.treeSize())),
                older == null ? null : TreeHeadView.of(older), TreeHeadView.of(newer));
    }

    SignedTreeHead currentHead() {
        return heads.latest().orElseThrow(() -> new AuditProblem(Code.UNKNOWN_TREE_SIZE,
                "the ledger is empty: no tree head has been signed yet"));
    }

    private SignedTreeHead headOfSize(long treeSize) {
        if (treeSize < 1) {
            throw new AuditProblem(Code.INVALID_TREE_SIZE, "a signed tree has at least one event");
        }
        return heads.ofSize(treeSize).orElseThrow(() -> new AuditProblem(Code.UNKNOWN_TREE_SIZE,
                "no signed tree head of size " + treeSize));
    }
}
