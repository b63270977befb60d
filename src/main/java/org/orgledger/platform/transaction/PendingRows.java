package org.orgledger.platform.transaction;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Rows for one statement, collected during a transaction and written as one JDBC batch just
 * before it commits (or earlier, by {@link #write()}, when a later statement must see them).
 * Outside a transaction a row is written at once.
 */
public final class PendingRows implements TransactionSynchronization {

    private final JdbcTemplate jdbc;
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>();

    private PendingRows(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** Adds a row to the current transaction's batch of {@code owner}, or writes it now outside one. */
    public static void add(Object owner, JdbcTemplate jdbc, String sql, Object... row) {
        TransactionScoped.get(owner, () -> new PendingRows(jdbc, sql)).ifPresentOrElse(
                pending -> pending.rows.add(row),
                () -> jdbc.update(sql, row));
    }

    /** Writes what {@code owner} has collected in the current transaction so far. */
    public static void writeNow(Object owner) {
        TransactionScoped.<PendingRows>find(owner).ifPresent(PendingRows::write);
    }

    void write() {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, List.copyOf(rows));
            rows.clear();
        }
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        write();
    }
}
