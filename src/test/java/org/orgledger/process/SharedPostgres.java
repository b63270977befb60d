package org.orgledger.process;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One PostgreSQL database that several service processes share, as in production: a fresh
 * database on the machine's server at 127.0.0.1:5432 when one answers there (CI has one: trust
 * authentication, user {@code postgres}), dropped afterwards; otherwise an embedded server of
 * the test's own, in a temporary directory.
 */
final class SharedPostgres implements AutoCloseable {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final String jdbcUrl;
    private final String description;
    private final EmbeddedPostgres embedded;
    private final String database;

    private SharedPostgres(String jdbcUrl, String description, EmbeddedPostgres embedded, String database) {
        this.jdbcUrl = jdbcUrl;
        this.description = description;
        this.embedded = embedded;
        this.database = database;
    }

    static SharedPostgres open(Path work) throws IOException {
        String database = "orgledger_multinode_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        try (Connection server = connect(LOCAL_SERVER + "postgres"); Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            return new SharedPostgres(LOCAL_SERVER + database, "the server at 127.0.0.1:5432, database " + database,
                    null, database);
        } catch (SQLException noServer) {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(work.resolve("shared-postgres"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .start();
            return new SharedPostgres(embedded.getJdbcUrl(USER, "postgres"), "an embedded server on port "
                    + embedded.getPort(), embedded, null);
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return USER;
    }

    String description() {
        return description;
    }

    Connection connect() throws SQLException {
        return connect(jdbcUrl);
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            return;
        }
        try (Connection server = connect(LOCAL_SERVER + "postgres"); Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IOException("could not drop " + database, e);
        }
    }
}
