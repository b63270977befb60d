package org.orgledger.audit;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import org.orgledger.audit.AuditProblem.Code;
import org.orgledger.audit.AuditViews.ConsistencyView;
import org.orgledger.audit.AuditViews.ProofView;
import org.orgledger.audit.AuditViews.TreeHeadView;
import org.orgledger.audit.chain.ChainVerifier;
import org.orgledger.audit.chain.SignedTreeHead;
import org.orgledger.audit.chain.Verdict;
import org.orgledger.audit.merkle.MerkleHashing;
import org.orgledger.audit.merkle.MerkleTree;
import org.orgledger.audit.timestamp.StampCheck;
import org.orgledger.audit.timestamp.StampReport;
import org.orgledger.audit.timestamp.TimestampAudit;
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
    private final TimestampAudit timestamps;
    private final TileStore tiles;

    LedgerAudit(EventLog log, TreeHeadLog heads, TimestampAudit timestamps, TileStore tiles) {
        this.log = log;
        this.heads = heads;
        this.timestamps = timestamps;
        this.tiles = tiles;
    }

    /**
     * Recomputes the whole chain from the stored rows and checks it against every signed tree head;
     * once the log is proven, checks the stored tiles (which proofs are served from) against it.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verdict verify() {
        return audit().verdict();
    }

    /**
     * The verdict on the chain and the signed tree heads and, when a TSA is trusted or stamps are
     * stored, on their RFC 3161 timestamps (null otherwise). The stamps are checked only on a log
     * found valid so far: they vouch for heads whose roots were just recomputed from the events.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Audited audit() {
        ChainVerifier verifier = new ChainVerifier();
        log.forEachEntry(verifier::accept);
        Map<String, PublicKey> keys = heads.keys();
        List<SignedTreeHead> signed = heads.all();
        Verdict verdict = verifier.finish(signed, keys::get);
        if (verdict.valid()) {
            // the log is proven: the stored tiles, which proofs are served from, must agree with it
            TileCheck check = new TileCheck(verifier.acceptedTree());
            tiles.forEachTile(check::accept);
            Verdict chained = verdict;
            verdict = check.finish()
                    .map(mismatch -> new Verdict(false, chained.eventsChecked(), null, 0,
                            verifier.sequenceOfLeaf(mismatch.leafIndex()), mismatch.reason()))
                    .orElse(verdict);
        }
        StampCheck.Result stamped = verdict.valid() ? timestamps.check(signed) : null;
        if (stamped != null && !stamped.valid()) {
            verdict = new Verdict(false, verdict.eventsChecked(), null, 0, stamped.firstInvalidSequence(), stamped.problem());
        }
        return new Audited(verdict, stamped == null ? null : stamped.report());
    }

    /** A verdict with what the timestamps prove (null when there are none to check). */
    public record Audited(Verdict verdict, StampReport timestamps) {
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
