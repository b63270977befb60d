package org.orgledger.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.orgledger.audit.chain.CanonicalForm;
import org.orgledger.audit.chain.MerkleFrontier;
import org.orgledger.audit.chain.StoredEvent;
import org.orgledger.audit.tiles.TileStore;
import org.orgledger.platform.eventstore.AppendedEvent;
import org.orgledger.platform.eventstore.LedgerAppendListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Extends the hash chain over the events a transaction appended and signs one tree head for
 * them, just before that transaction commits and under the ledger lock: an event is never
 * committed without its hash and a signed head covering it, and the chain's order is the
 * sequence order (docs/decisions/0004-hash-chain.md, 0007-write-path.md). The same tree is signed
 * as a C2SP checkpoint, which witnesses are asked to cosign once the transaction has committed
 * (0010). It hashes the rows as the database holds them, read back on the same connection, so a
 * verifier that reads the same rows recomputes the same bytes.
 */
@Component
class HashChainWriter implements LedgerAppendListener {

    private final JdbcTemplate jdbc;
    private final TreeHeadLog heads;
    private final LedgerSigner signer;
    private final CheckpointLog checkpoints;
    private final Witnessing witnessing;
    private final TileStore tiles;
    private final Clock clock;
    private volatile boolean keyRegistered;

    HashChainWriter(JdbcTemplate jdbc, TreeHeadLog heads, LedgerSigner signer, CheckpointLog checkpoints,
                    Witnessing witnessing, TileStore tiles, Clock clock) {
        this.jdbc = jdbc;
        this.heads = heads;
        this.signer = signer;
        this.checkpoints = checkpoints;
        this.witnessing = witnessing;
        this.tiles = tiles;
        this.clock = clock;
    }

    @Override
    public void onAppended(List<AppendedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        registerKeyOnce();
        TreeHeadLog.Tip tip = heads.tip();
        byte[] previous = tip.lastHash();
        MerkleFrontier frontier = tip.frontier();
        List<Object[]> links = new ArrayList<>();
        List<byte[]> leafInputs = new ArrayList<>();
        StoredEvent last = null;
        for (StoredEvent event : rowsToChain(events, previous == null)) {
            byte[] link = previous == null ? CanonicalForm.genesis() : previous;
            byte[] hash = CanonicalForm.hash(link, event);
            links.add(new Object[] {event.sequence(), link, hash});
            leafInputs.add(hash);
            frontier = frontier.append(hash);
            previous = hash;
            last = event;
        }
        jdbc.batchUpdate("INSERT INTO ledger_hash (sequence, previous_hash, hash) VALUES (?, ?, ?)", links);
        // The Merkle tree's stored tiles grow in the same transaction (0017): proofs read them.
        tiles.append(tip.frontier().size(), leafInputs);
        heads.append(signer.sign(frontier.size(), last.sequence(), frontier.root(), last.timeStamp()), frontier);
        // The same tree as a C2SP checkpoint, signed in the same transaction: every head has one.
        checkpoints.append(frontier.size(), signer.origin(), signer.keyId(), signer.checkpoint(frontier.size(), frontier.root()));
        witnessing.submitAfterCommit();
    }

    /** The signing key is recorded once; after that commit this node does not ask again. */
    private void registerKeyOnce() {
        if (keyRegistered) {
            return;
        }
        heads.register(signer, clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keyRegistered = true;
            }
        });
    }

    /**
     * The appended rows, in sequence order. While the chain is still empty, events recorded
     * before the chain existed (a ledger upgraded to this version) are adopted first, in order;
     * after that, a row without a hash can only have come from outside the ledger and is left
     * for the verifier to report.
     */
    private List<StoredEvent> rowsToChain(List<AppendedEvent> events, boolean chainIsEmpty) {
        Set<Long> appended = new HashSet<>();
        events.forEach(event -> appended.add(event.sequence()));
        long first = events.stream().mapToLong(AppendedEvent::sequence).min().orElseThrow();
        long last = events.stream().mapToLong(AppendedEvent::sequence).max().orElseThrow();
        List<StoredEvent> rows = jdbc.query("SELECT " + StoredEventRows.COLUMNS
                        + " FROM domain_event_entry e WHERE e.global_index BETWEEN ? AND ? ORDER BY e.global_index",
                (rs, n) -> StoredEventRows.map(rs), chainIsEmpty ? Long.MIN_VALUE : first, last);
        List<StoredEvent> toChain = rows.stream()
                .filter(row -> appended.contains(row.sequence()) || (chainIsEmpty && row.sequence() < first))
                .sorted(Comparator.comparingLong(StoredEvent::sequence))
                .toList();
        if (toChain.stream().filter(row -> appended.contains(row.sequence())).count() != appended.size()) {
            throw new IllegalStateException("appended events " + appended + " are not all visible to the hash chain");
        }
        return toChain;
    }
}
