package org.orgledger.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a PostgreSQL server owned by this process, so that a new user needs
 * nothing but a JDK. The data directory survives restarts; the server stops with the
 * application context (the DataSource depends on it, so it is closed last). A server left behind
 * by a service that was killed is stopped before the start ({@link OrphanedPostmaster}), and a
 * watchdog stops ours if this process dies without stopping it ({@link PostmasterWatchdog}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orgledger.database.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

    @Bean
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties) throws IOException {
        return EmbeddedPostgresServer.start(properties);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("orgledger-embedded");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        // the read models and the hash chain write in JDBC batches: sent as multi-row INSERTs
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }

    /** Owns the server process; closed by Spring, never by a JVM hook of its own. */
    static final class EmbeddedPostgresServer implements AutoCloseable {

        /** How long an orphan may take to stop, and the new server to start: a start never hangs. */
        private static final Duration PATIENCE = Duration.ofSeconds(30);

        private final EmbeddedPostgres postgres;
        private final Path temporaryDataDir;
        private final Optional<PostmasterWatchdog> watchdog;

        private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path temporaryDataDir,
                                       Optional<PostmasterWatchdog> watchdog) {
            this.postgres = postgres;
            this.temporaryDataDir = temporaryDataDir;
            this.watchdog = watchdog;
        }

        static EmbeddedPostgresServer start(DatabaseProperties properties) throws IOException {
            Path temporary = properties.ephemeral() ? Files.createTempDirectory("orgledger-pg") : null;
            Path dataDir = temporary != null ? temporary : Path.of(properties.dataDir()).toAbsolutePath();
            Files.createDirectories(dataDir);
            if (temporary == null) {
                OrphanedPostmaster.stopIfAny(dataDir, PATIENCE);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(temporary != null)
                    // zonky's own hook raced Axon's token-store shutdown; Spring closes us instead
                    .setRegisterShutdownHook(false)
                    // TCP on loopback only: nothing left behind in /tmp
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky's defaults (-F, synchronous_commit=off) suit throw-away test databases;
                    // a ledger must not lose a transaction it acknowledged, even on a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(PATIENCE)
                    .start();
            Optional<PostmasterWatchdog> watchdog = Boolean.TRUE.equals(properties.stopWithService())
                    ? PostmasterPidFile.in(dataDir).filter(pidFile -> pidFile.pid() > 0)
                            .flatMap(pidFile -> PostmasterWatchdog.watch(pidFile.pid(), dataDir))
                    : Optional.empty();
            return new EmbeddedPostgresServer(postgres, temporary, watchdog);
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            postgres.close();
            watchdog.ifPresent(PostmasterWatchdog::close);
            if (temporaryDataDir != null && Files.exists(temporaryDataDir)) {
                deleteRecursively(temporaryDataDir);
            }
        }

        private static void deleteRecursively(Path root) throws IOException {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
