package org.orgledger.platform.eventstore;

import org.orgledger.platform.transaction.LedgerLock;
import org.orgledger.platform.transaction.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store's last sequence as the current transaction found it once it held the ledger
 * lock. Nobody else appends while the lock is held (decision 0002), so it is read once per
 * transaction: the aggregate cache checks it against what this node knew, and the first append
 * numbers its events from it.
 */
final class LedgerHead {

    private LedgerHead() {
    }

    static long underLock(JdbcTemplate jdbc) {
        LedgerLock.acquire(jdbc);
        return TransactionScoped.get(LedgerHead.class, () -> new long[] {read(jdbc)})
                .map(head -> head[0])
                .orElseGet(() -> read(jdbc));
    }

    private static long read(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
