package org.orgledger.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The PostgreSQL the benchmark controls: one embedded server per history size, configured
 * like the ledger's own (fsync and synchronous commit on), so the service under test and the
 * benchmark's direct JDBC measurements run against the same durable database.
 */
final class BenchmarkDatabase implements AutoCloseable {

    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private BenchmarkDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static BenchmarkDatabase start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        return new BenchmarkDatabase(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky's defaults favour throw-away test databases; the comparison is only
                // fair against the durability the ledger itself runs with
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start());
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
