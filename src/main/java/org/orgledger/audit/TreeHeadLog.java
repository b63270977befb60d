package org.orgledger.audit;

import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.audit.chain.MerkleFrontier;
import org.orgledger.audit.chain.SignedTreeHead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The signed tree heads and the keys that signed them (tables {@code ledger_tree_head}, {@code ledger_signing_key}). */
@Component
class TreeHeadLog {

    private static final String HEAD_COLUMNS = "tree_size, last_sequence, root, recorded_at, key_id, signature";

    private final JdbcTemplate jdbc;

    TreeHeadLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SignedTreeHead> latest() {
        return jdbc.query("SELECT " + HEAD_COLUMNS + " FROM ledger_tree_head ORDER BY tree_size DESC LIMIT 1",
                TreeHeadLog::head).stream().findFirst();
    }

    Optional<SignedTreeHead> ofSize(long treeSize) {
        return jdbc.query("SELECT " + HEAD_COLUMNS + " FROM ledger_tree_head WHERE tree_size = ?",
                TreeHeadLog::head, treeSize).stream().findFirst();
    }

    /**
     * Where the next append continues, in one round trip: the chain's last hash (null while the
     * chain is empty) and the frontier of the newest head (empty before the first).
     */
    Tip tip() {
        return jdbc.queryForObject("""
                SELECT (SELECT hash FROM ledger_hash ORDER BY sequence DESC LIMIT 1), h.tree_size, h.frontier
                FROM (SELECT 1) AS one
                LEFT JOIN (SELECT tree_size, frontier FROM ledger_tree_head ORDER BY tree_size DESC LIMIT 1) AS h ON true""",
                (rs, n) -> new Tip(rs.getBytes(1), rs.getBytes(3) == null ? MerkleFrontier.empty()
                        : MerkleFrontier.decode(rs.getLong(2), rs.getBytes(3))));
    }

    /** The chain's last hash and the frontier of its newest signed head. */
    record Tip(byte[] lastHash, MerkleFrontier frontier) {
    }

    List<SignedTreeHead> all() {
        return jdbc.query("SELECT " + HEAD_COLUMNS + " FROM ledger_tree_head ORDER BY tree_size", TreeHeadLog::head);
    }

    List<SignedTreeHead> page(long afterSize, int limit) {
        return jdbc.query("SELECT " + HEAD_COLUMNS + " FROM ledger_tree_head WHERE tree_size > ? ORDER BY tree_size LIMIT ?",
                TreeHeadLog::head, afterSize, limit);
    }

    void append(SignedTreeHead head, MerkleFrontier frontier) {
        jdbc.update("INSERT INTO ledger_tree_head (" + HEAD_COLUMNS + ", frontier) VALUES (?, ?, ?, ?, ?, ?, ?)",
                head.treeSize(), head.lastSequence(), head.root(), head.recordedAt(), head.keyId(),
                head.signature(), frontier.encode());
    }

    void register(LedgerSigner signer, Instant now) {
        jdbc.update("INSERT INTO ledger_signing_key (key_id, public_key, registered_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (key_id) DO NOTHING",
                signer.keyId(), signer.publicKey().getEncoded(), Timestamp.from(now));
    }

    /** Every key that has signed a head here, by key id. */
    Map<String, PublicKey> keys() {
        Map<String, PublicKey> keys = new HashMap<>();
        jdbc.query("SELECT key_id, public_key FROM ledger_signing_key",
                rs -> {
                    keys.put(rs.getString(1), Ed25519Keys.publicKeyFromDer(rs.getBytes(2)));
                });
        return keys;
    }

    private static SignedTreeHead head(ResultSet rs, int row) throws SQLException {
        return new SignedTreeHead(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getString(4), rs.getString(5),
                rs.getBytes(6));
    }
}
