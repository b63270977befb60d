package org.orgledger.platform.transaction;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger-wide lock that serializes appends (docs/decisions/0002): a PostgreSQL
 * transaction-scoped advisory lock, held until the transaction ends. Taken once per
 * transaction; an import's thousands of commands share one.
 */
public final class LedgerLock {

    /** The advisory lock's key ("OrgLedge"). */
    public static final long KEY = 0x4f72674c65646765L;

    private LedgerLock() {
    }

    /** Takes the lock for the current transaction, unless it already holds it. */
    public static void acquire(JdbcTemplate jdbc) {
        boolean held = TransactionScoped.get(LedgerLock.class, () -> new boolean[1])
                .map(flag -> {
                    boolean already = flag[0];
                    flag[0] = true;
                    return already;
                })
                .orElse(false);
        if (!held) {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, KEY);
        }
    }
}
