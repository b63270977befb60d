package org.orgledger.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * What PostgreSQL alone does on the ledger's own database, as yardsticks for the ledger's
 * figures: a plain batched insert of as many rows of the events' payload size, and a read
 * of every event payload in log order (the least a fold over the log must do).
 */
final class DatabaseBaselines {

    private static final int BATCH = 1_000;

    private final BenchmarkDatabase database;

    DatabaseBaselines(BenchmarkDatabase database) {
        this.database = database;
    }

    record RawInsert(int payloadBytes, double rowsPerSecond) {
    }

    /** Inserts {@code rows} rows of the average event payload size into a scratch table, in committed batches. */
    RawInsert batchedInsert(long rows) throws SQLException {
        // rewriting batches into multi-row INSERTs is how a bulk loader would use this driver
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl() + "&reWriteBatchedInserts=true")) {
            int payloadBytes;
            try (Statement statement = connection.createStatement();
                 ResultSet average = statement.executeQuery(
                         "SELECT coalesce(avg(octet_length(payload)), 0)::int FROM domain_event_entry")) {
                average.next();
                payloadBytes = average.getInt(1);
                statement.execute("DROP TABLE IF EXISTS benchmark_raw_insert");
                statement.execute("CREATE TABLE benchmark_raw_insert (id bigserial PRIMARY KEY, payload bytea NOT NULL)");
            }
            connection.setAutoCommit(false);
            byte[] payload = new byte[payloadBytes];
            Random random = new Random(1);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO benchmark_raw_insert (payload) VALUES (?)")) {
                for (long row = 1; row <= rows; row++) {
                    random.nextBytes(payload);
                    insert.setBytes(1, payload);
                    insert.addBatch();
                    if (row % BATCH == 0 || row == rows) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE benchmark_raw_insert");
            }
            return new RawInsert(payloadBytes, rows / seconds);
        }
    }

    /** Streams every payload out of the event store in log order; answers the time it took. */
    double streamEveryEventMillis() throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false); // else the driver reads the whole result into memory
            long started = System.nanoTime();
            long bytes = 0;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT payload FROM domain_event_entry ORDER BY global_index")) {
                select.setFetchSize(1_000);
                try (ResultSet events = select.executeQuery()) {
                    while (events.next()) {
                        bytes += events.getBytes(1).length;
                    }
                }
            }
            connection.commit();
            if (bytes == 0) {
                throw new IllegalStateException("the event store is empty");
            }
            return (System.nanoTime() - started) / 1e6;
        }
    }
}
