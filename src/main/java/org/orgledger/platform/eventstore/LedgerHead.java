package org.orgledger.platform.eventstore;

import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.orgledger.platform.transaction.LedgerLock;
import org.orgledger.platform.transaction.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store's last event as the current transaction found it once it held the ledger
 * lock: its sequence and recorded time. Nobody else appends while the lock is held (decision
 * 0002), so it is read once per transaction: the aggregate cache checks the sequence against what
 * this node knew, the first append numbers its events from it, and no event is recorded at an
 * earlier time than the last one, whichever node recorded that one and however its clock ran.
 */
record LedgerHead(long sequence, Instant recordedAt) {

    private static final LedgerHead EMPTY = new LedgerHead(0, Instant.EPOCH);

    static LedgerHead underLock(JdbcTemplate jdbc) {
        LedgerLock.acquire(jdbc);
        return TransactionScoped.get(LedgerHead.class, () -> read(jdbc)).orElseGet(() -> read(jdbc));
    }

    private static LedgerHead read(JdbcTemplate jdbc) {
        return jdbc.query("SELECT global_index, time_stamp FROM domain_event_entry ORDER BY global_index DESC LIMIT 1",
                        (rs, i) -> new LedgerHead(rs.getLong(1), DateTimeUtils.parseInstant(rs.getString(2))))
                .stream().findFirst().orElse(EMPTY);
    }
}
