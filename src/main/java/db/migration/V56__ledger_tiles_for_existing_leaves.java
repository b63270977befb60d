package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.orgledger.audit.merkle.MerkleHashing;
import org.orgledger.audit.tiles.TileAppender;
import org.orgledger.audit.tiles.TileStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The tiles of a ledger recorded before V55: computed once from the stored chain hashes, in
 * chain order, in this migration's transaction, with the same code the appending transaction
 * uses. Linear in the history, but only on the one start that upgrades; an empty or new ledger
 * has nothing to do (docs/decisions/0017-stored-merkle-tiles.md).
 */
public class V56__ledger_tiles_for_existing_leaves extends BaseJavaMigration {

    /** Leaves per batch of tile writes: bounds memory whatever the history's length. */
    private static final int BATCH = 50_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        TileAppender appender = TileAppender.empty();
        try (PreparedStatement leaves = connection.prepareStatement("SELECT hash FROM ledger_hash ORDER BY sequence")) {
            // A cursor (needs the migration's transaction): the chain is streamed, not loaded.
            leaves.setFetchSize(10_000);
            try (ResultSet rows = leaves.executeQuery()) {
                while (rows.next()) {
                    appender.append(MerkleHashing.leafHash(rows.getBytes(1)));
                    if (appender.size() % BATCH == 0) {
                        TileStore.write(jdbc, appender.drainChanged());
                    }
                }
            }
        }
        TileStore.write(jdbc, appender.drainChanged());
    }
}
