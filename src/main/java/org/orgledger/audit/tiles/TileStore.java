package org.orgledger.audit.tiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.orgledger.audit.merkle.SubtreeWalk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tiles in table {@code ledger_tile} (V55): written by the appending transaction, read for
 * roots, proofs and verification. A full tile is inserted once; a partial tile is inserted, then
 * extended in place until it is full (a trigger refuses any other change).
 */
@Component
public class TileStore {

    private static final String UPSERT = "INSERT INTO ledger_tile (level, idx, width, hashes) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT ON CONSTRAINT ledger_tile_pkey DO UPDATE SET width = EXCLUDED.width, hashes = EXCLUDED.hashes";

    private final JdbcTemplate jdbc;
    /** Same connection handling, but streams rows for the verifier instead of loading every tile. */
    private final JdbcTemplate streaming;

    TileStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(100);
    }

    /**
     * Extends the tiles of a tree of {@code treeSize} leaves by {@code leafInputs} (the events'
     * chain hashes, in chain order), in the caller's transaction: one read of the partial tiles,
     * one batched write.
     */
    public void append(long treeSize, List<byte[]> leafInputs) {
        if (leafInputs.isEmpty()) {
            return;
        }
        write(jdbc, TileAppender.extend(treeSize, this::read, leafInputs));
    }

    /** Inserts the tiles, or extends the stored partial ones (shared with the V56 backfill). */
    public static void write(JdbcTemplate jdbc, List<Tile> tiles) {
        jdbc.batchUpdate(UPSERT, tiles.stream()
                .map(tile -> new Object[] {(short) tile.level(), tile.index(), (short) tile.width(), tile.hashes()})
                .toList());
    }

    /** MTH(D[0:treeSize]) from at most a few tiles per level. */
    public byte[] root(long treeSize) {
        return compute(walk -> walk.root(treeSize));
    }

    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        return compute(walk -> walk.inclusionProof(leafIndex, treeSize));
    }

    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        return compute(walk -> walk.consistencyProof(oldSize, newSize));
    }

    /** The stored tile (as wide as it has grown), if any. */
    public Optional<Tile> tile(int level, long index) {
        return jdbc.query("SELECT level, idx, hashes FROM ledger_tile WHERE level = ? AND idx = ?",
                (rs, n) -> new Tile(rs.getInt(1), rs.getLong(2), rs.getBytes(3)), (short) level, index)
                .stream().findFirst();
    }

    /** Every stored tile, streamed (call inside a transaction, as the rows are read with a cursor). */
    public void forEachTile(Consumer<Tile> consumer) {
        streaming.query("SELECT level, idx, hashes FROM ledger_tile ORDER BY level, idx",
                rs -> {
                    consumer.accept(new Tile(rs.getInt(1), rs.getLong(2), rs.getBytes(3)));
                });
    }

    private <T> T compute(Function<SubtreeWalk, T> walk) {
        return StoredSubtrees.compute(walk, this::read);
    }

    /** The tiles of {@code keys} in one query; widths are minimums, a stored tile may be wider. */
    private Map<TileKey, byte[]> read(Map<TileKey, Integer> keys) {
        Map<TileKey, byte[]> tiles = new HashMap<>();
        if (keys.isEmpty()) {
            return tiles;
        }
        StringBuilder sql = new StringBuilder("SELECT level, idx, hashes FROM ledger_tile WHERE ");
        List<Object> arguments = new ArrayList<>();
        for (TileKey key : keys.keySet()) {
            sql.append(arguments.isEmpty() ? "" : " OR ").append("(level = ? AND idx = ?)");
            arguments.add((short) key.level());
            arguments.add(key.index());
        }
        jdbc.query(sql.toString(), rs -> {
            tiles.put(new TileKey(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
        }, arguments.toArray());
        return tiles;
    }
}
