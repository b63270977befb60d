package org.orgledger.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orgledger.audit.note.NoteSignature;
import org.orgledger.audit.note.SignedNote;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The C2SP checkpoints and the witnesses' cosignatures on them (tables {@code ledger_checkpoint}, {@code ledger_cosignature}). */
@Component
class CheckpointLog {

    private final JdbcTemplate jdbc;

    CheckpointLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void append(long treeSize, String origin, String keyId, SignedNote note) {
        jdbc.update("INSERT INTO ledger_checkpoint (tree_size, origin, key_id, note) VALUES (?, ?, ?, ?)",
                treeSize, origin, keyId, note.render());
    }

    Optional<StoredCheckpoint> latest() {
        return jdbc.query("SELECT tree_size, note FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1",
                (rs, n) -> new StoredCheckpoint(rs.getLong(1), SignedNote.parse(rs.getString(2)))).stream().findFirst();
    }

    Optional<StoredCheckpoint> ofSize(long treeSize) {
        return jdbc.query("SELECT tree_size, note FROM ledger_checkpoint WHERE tree_size = ?",
                (rs, n) -> new StoredCheckpoint(rs.getLong(1), SignedNote.parse(rs.getString(2))), treeSize)
                .stream().findFirst();
    }

    /** The checkpoint with every cosignature received for it: what a reader who trusts witnesses checks. */
    Optional<SignedNote> cosigned(long treeSize) {
        return ofSize(treeSize).map(checkpoint -> checkpoint.note().withSignatures(cosignatures(treeSize)));
    }

    List<NoteSignature> cosignatures(long treeSize) {
        return jdbc.query("SELECT line FROM ledger_cosignature WHERE tree_size = ? ORDER BY witness",
                (rs, n) -> NoteSignature.parse(rs.getString(1)), treeSize);
    }

    /** The largest size {@code witness} cosigned: the size it last saw, as far as this ledger knows. */
    long lastCosignedSize(String witness) {
        Long size = jdbc.queryForObject("SELECT max(tree_size) FROM ledger_cosignature WHERE witness = ?", Long.class, witness);
        return size == null ? 0 : size;
    }

    void addCosignature(String witness, long treeSize, NoteSignature cosignature, Instant receivedAt) {
        jdbc.update("INSERT INTO ledger_cosignature (witness, tree_size, line, received_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (witness, tree_size) DO NOTHING",
                witness, treeSize, cosignature.line().strip(), Timestamp.from(receivedAt));
    }

    record StoredCheckpoint(long treeSize, SignedNote note) {
    }
}
