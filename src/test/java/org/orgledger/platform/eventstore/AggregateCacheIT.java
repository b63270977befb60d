package org.orgledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orgledger.platform.transaction.LedgerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The aggregate cache against the event store's own table on PostgreSQL: what one transaction
 * stores is another's only once it commits, and anything appended by someone else (another node)
 * empties it.
 */
class AggregateCacheIT {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;
    private static long foreignEvents;

    private AggregateCache cache;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        transactions = new TransactionTemplate(new DataSourceTransactionManager(postgres.getPostgresDatabase()));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void newCache() {
        cache = new AggregateCache(jdbc, 3);
    }

    @Test
    void an_aggregate_stored_by_a_committed_transaction_is_found_by_the_next_one() {
        inCommandTransaction(() -> cache.put("unit-a", "state of a"));
        assertThat(inCommandTransaction(() -> cache.<String, String>get("unit-a"))).isEqualTo("state of a");
    }

    @Test
    void an_aggregate_stored_by_a_transaction_that_rolls_back_is_forgotten() {
        inCommandTransaction(() -> cache.put("unit-a", "committed state"));
        transactions.executeWithoutResult(status -> {
            LedgerLock.acquire(jdbc);
            cache.checkUnderLedgerLock();
            cache.put("unit-a", "state of a refused import");
            assertThat(cache.<String, String>get("unit-a")).isEqualTo("state of a refused import");
            status.setRollbackOnly();
        });
        assertThat(inCommandTransaction(() -> cache.<String, String>get("unit-a"))).isNull();
    }

    @Test
    void what_a_transaction_stores_is_invisible_to_others_until_it_commits() throws Exception {
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            cache.checkUnderLedgerLock();
            cache.put("unit-b", "uncommitted");
            stored.countDown();
            await(looked);
        }));
        assertThat(stored.await(30, TimeUnit.SECONDS)).isTrue();
        // the writer holds no ledger lock here, so the reader can look while it is still open
        Object seen = transactions.execute(status -> {
            cache.checkUnderLedgerLock();
            return cache.get("unit-b");
        });
        looked.countDown();
        writer.get(30, TimeUnit.SECONDS);
        assertThat(seen).isNull();
        assertThat(inCommandTransaction(() -> cache.<String, String>get("unit-b"))).isEqualTo("uncommitted");
    }

    @Test
    void an_event_appended_by_another_node_empties_the_cache() {
        inCommandTransaction(() -> cache.put("unit-c", "state before the other node's change"));
        appendAsAnotherNode();
        assertThat(inCommandTransaction(() -> cache.<String, String>get("unit-c"))).isNull();
    }

    @Test
    void this_nodes_own_appends_keep_the_cache() {
        inCommandTransaction(() -> cache.put("unit-d", "state"));
        transactions.executeWithoutResult(status -> {
            LedgerLock.acquire(jdbc);
            cache.checkUnderLedgerLock();
            long sequence = appendRow();
            cache.onAppended(List.of(new AppendedEvent(sequence, GenericEventMessage.asEventMessage("x"))));
        });
        assertThat(inCommandTransaction(() -> cache.<String, String>get("unit-d"))).isEqualTo("state");
    }

    @Test
    void a_transaction_that_has_not_checked_the_store_under_the_lock_is_told_nothing() {
        inCommandTransaction(() -> cache.put("unit-e", "state"));
        Object seen = transactions.execute(status -> cache.get("unit-e"));
        assertThat(seen).isNull();
    }

    @Test
    void the_least_recently_used_aggregate_makes_room() {
        inCommandTransaction(() -> {
            cache.put("u1", "1");
            cache.put("u2", "2");
            cache.put("u3", "3");
            cache.get("u1");
            cache.put("u4", "4");
        });
        assertThat(cache.size()).isEqualTo(3);
        assertThat(inCommandTransaction(() -> cache.<String, String>get("u2"))).isNull();
        assertThat(inCommandTransaction(() -> cache.<String, String>get("u1"))).isEqualTo("1");
    }

    /** What a command does: the ledger lock, the cache's check, then its work. */
    private <T> T inCommandTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> {
            LedgerLock.acquire(jdbc);
            cache.checkUnderLedgerLock();
            return work.get();
        });
    }

    private void inCommandTransaction(Runnable work) {
        inCommandTransaction(() -> {
            work.run();
            return null;
        });
    }

    private static void appendAsAnotherNode() {
        transactions.executeWithoutResult(status -> {
            LedgerLock.acquire(jdbc);
            appendRow();
        });
    }

    /** A row in the event store's table, as any node's append leaves one (this database is the test's own). */
    private static long appendRow() {
        long sequence = jdbc.queryForObject("SELECT nextval('domain_event_entry_seq')", Long.class);
        foreignEvents++;
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, event_identifier, payload, payload_type, time_stamp,
                                                aggregate_identifier, sequence_number, type)
                VALUES (?, ?, '\\x7b7d'::bytea, 'test', '2026-11-30T00:00:00Z', ?, 0, 'Test')""",
                sequence, "event-" + sequence, "other-node-" + foreignEvents);
        return sequence;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
