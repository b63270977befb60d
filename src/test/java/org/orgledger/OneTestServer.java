package org.orgledger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One embedded PostgreSQL server per test JVM, and a fresh database in it for each application
 * context of {@link LedgerIntegrationTest}: every context still has a ledger of its own, as with
 * a server of its own, without an {@code initdb} and a server start per context (decision 0019).
 *
 * <p>Applies to the embedded default with a throw-away data directory only: the external pass
 * ({@code -Dorgledger.test.profile=external}) keeps its one database for all contexts, and a
 * test that names a data directory gets the service's own embedded server. Being a throw-away
 * test server, it runs without {@code fsync}; that the service's own embedded server keeps it on
 * is {@code RestartIT}'s to check.
 */
public final class OneTestServer implements ContextCustomizerFactory {

    /** Every context's pool (10) stays open until the JVM ends, and a dozen contexts may be cached. */
    private static final String MAX_CONNECTIONS = "400";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final AtomicInteger OPEN_CONTEXTS = new AtomicInteger();
    private static EmbeddedPostgres server;

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new DatabaseOfItsOwn();
    }

    /** Equal to every other, so that it does not split the context cache. */
    private static final class DatabaseOfItsOwn implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment environment = context.getEnvironment();
            boolean embedded = "embedded".equals(environment.getProperty("orgledger.database.mode", "embedded"));
            boolean throwAway = environment.getProperty("orgledger.database.data-dir", "").isBlank();
            if (!embedded || !throwAway) {
                return;
            }
            String database = "ledger_" + DATABASES.incrementAndGet();
            String url = createDatabase(database);
            environment.getPropertySources().addFirst(new MapPropertySource("oneTestServer", Map.of(
                    "orgledger.database.mode", "external",
                    "spring.datasource.url", url,
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "",
                    // as the service's own embedded pool does
                    "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true")));
            OPEN_CONTEXTS.incrementAndGet();
            // registered before every other bean, so destroyed after the DataSource has closed
            var beans = (DefaultListableBeanFactory) context.getBeanFactory();
            beans.registerDisposableBean("oneTestServerLease", OPEN_CONTEXTS::decrementAndGet);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DatabaseOfItsOwn;
        }

        @Override
        public int hashCode() {
            return DatabaseOfItsOwn.class.hashCode();
        }
    }

    private static synchronized String createDatabase(String database) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + database, e);
        }
        return server.getJdbcUrl("postgres", database);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        // stopped below once the contexts have closed, not by zonky's own hook
                        .setRegisterShutdownHook(false)
                        .setServerConfig("unix_socket_directories", "")
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("max_connections", MAX_CONNECTIONS)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the tests' PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(OneTestServer::stopAfterTheContexts, "one-test-server-stop"));
        }
        return server;
    }

    /**
     * Spring closes the cached contexts in shutdown hooks of their own, which run alongside this
     * one: the server waits for them (their read models and token claims write until they stop).
     */
    private static void stopAfterTheContexts() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (OPEN_CONTEXTS.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("the tests' PostgreSQL server did not stop cleanly: " + e.getMessage());
        }
    }
}
