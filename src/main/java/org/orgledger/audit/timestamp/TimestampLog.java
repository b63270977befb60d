package org.orgledger.audit.timestamp;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orgledger.audit.chain.SignedTreeHead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The stored timestamps (table {@code ledger_timestamp}, V70) and the heads they stamp. */
@Component
public class TimestampLog {

    private static final String STAMP_WITH_HEAD = "SELECT t.tree_size, t.token, t.gen_time, t.tsa,"
            + " h.last_sequence, h.root, h.recorded_at, h.key_id, h.signature"
            + " FROM ledger_timestamp t JOIN ledger_tree_head h ON h.tree_size = t.tree_size";

    private final JdbcTemplate jdbc;

    TimestampLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Stamp> all() {
        return jdbc.query("SELECT tree_size, token FROM ledger_timestamp ORDER BY tree_size",
                (rs, n) -> new Stamp(rs.getLong(1), rs.getBytes(2)));
    }

    List<StoredStamp> page(long afterSize, int limit) {
        return jdbc.query(STAMP_WITH_HEAD + " WHERE t.tree_size > ? ORDER BY t.tree_size LIMIT ?", TimestampLog::stored,
                afterSize, limit);
    }

    Optional<StoredStamp> ofSize(long treeSize) {
        return jdbc.query(STAMP_WITH_HEAD + " WHERE t.tree_size = ?", TimestampLog::stored, treeSize).stream().findFirst();
    }

    private static StoredStamp stored(ResultSet rs, int row) throws SQLException {
        return new StoredStamp(new SignedTreeHead(rs.getLong(1), rs.getLong(5), rs.getBytes(6), rs.getString(7),
                rs.getString(8), rs.getBytes(9)), rs.getBytes(2), rs.getTimestamp(3).toInstant(), rs.getString(4));
    }

    /** The newest signed tree head, with whether it is stamped and when the last stamp was received. */
    Optional<Newest> newest() {
        return jdbc.query("""
                SELECT h.tree_size, h.last_sequence, h.root, h.recorded_at, h.key_id, h.signature,
                       EXISTS (SELECT 1 FROM ledger_timestamp t WHERE t.tree_size = h.tree_size),
                       (SELECT max(received_at) FROM ledger_timestamp)
                FROM ledger_tree_head h ORDER BY h.tree_size DESC LIMIT 1""",
                (rs, n) -> new Newest(new SignedTreeHead(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)), rs.getBoolean(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant())).stream().findFirst();
    }

    void add(long treeSize, byte[] token, Instant genTime, URI tsa, Instant receivedAt) {
        jdbc.update("INSERT INTO ledger_timestamp (tree_size, token, gen_time, tsa, received_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (tree_size) DO NOTHING",
                treeSize, token, Timestamp.from(genTime), tsa.toString(), Timestamp.from(receivedAt));
    }

    /** A stamp with the tree head it stamps. */
    record StoredStamp(SignedTreeHead head, byte[] token, Instant genTime, String tsa) {
    }

    record Newest(SignedTreeHead head, boolean stamped, Instant lastStampReceivedAt) {
    }
}
