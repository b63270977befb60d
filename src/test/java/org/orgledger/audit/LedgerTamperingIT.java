package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.audit.chain.CanonicalForm;
import org.orgledger.audit.chain.StoredEvent;
import org.orgledger.audit.chain.Verdict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering made directly in SQL, as a database superuser could, is detected and the first bad
 * sequence named. Each case runs in a transaction that is rolled back, so the shared test
 * database stays intact; the verifier joins that transaction and sees the tampered rows.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerTamperingIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    LedgerAudit audit;

    private final List<Long> sequences = new ArrayList<>();

    /** Once for all cases: each case's tampering is rolled back (and checked to be) before the next. */
    @BeforeAll
    void record_five_changes() {
        String prefix = "tamper-" + System.nanoTime();
        for (int i = 1; i <= 5; i++) {
            sequences.add(Ledger.establish(http, prefix + "-" + i));
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void a_changed_payload_is_detected_at_its_sequence() {
        long third = sequences.get(2);
        Verdict verdict = Ledger.tamperedVerdict(transactions, jdbc, audit, sql -> sql.update("UPDATE domain_event_entry"
                + " SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Office', 'Bureau'), 'UTF8')"
                + " WHERE global_index = ?", third));
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstInvalidSequence()).isEqualTo(third);
        assertThat(verdict.reason()).contains("altered");
    }

    @Test
    void a_deleted_row_is_detected_at_its_sequence() {
        long second = sequences.get(1);
        Verdict verdict = Ledger.tamperedVerdict(transactions, jdbc, audit, sql -> sql.update("DELETE FROM domain_event_entry WHERE global_index = ?", second));
        assertThat(verdict.firstInvalidSequence()).isEqualTo(second);
        assertThat(verdict.reason()).contains("deleted");
    }

    @Test
    void a_row_deleted_with_its_hash_is_detected_at_the_next_sequence() {
        long second = sequences.get(1);
        Verdict verdict = Ledger.tamperedVerdict(transactions, jdbc, audit, sql -> {
            sql.update("DELETE FROM ledger_hash WHERE sequence = ?", second);
            sql.update("DELETE FROM domain_event_entry WHERE global_index = ?", second);
        });
        assertThat(verdict.firstInvalidSequence()).isEqualTo(sequences.get(2));
    }

    @Test
    void deleting_the_newest_rows_with_their_hashes_is_detected_against_the_latest_signed_tree_head() {
        long fourth = sequences.get(3);
        Verdict verdict = Ledger.tamperedVerdict(transactions, jdbc, audit, sql -> {
            sql.update("DELETE FROM ledger_hash WHERE sequence >= ?", fourth);
            sql.update("DELETE FROM domain_event_entry WHERE global_index >= ?", fourth);
        });
        assertThat(verdict.firstInvalidSequence()).isEqualTo(fourth);
        assertThat(verdict.reason()).contains("signed tree head");
    }

    @Test
    void an_inserted_row_is_detected_at_its_sequence() {
        long inserted = sequences.get(4) + 1000;
        Verdict verdict = Ledger.tamperedVerdict(transactions, jdbc, audit, sql -> sql.update("""
                INSERT INTO domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                SELECT ?, 'forged-event', meta_data, payload, payload_revision, payload_type, time_stamp,
                    'forged-unit', 0, type
                FROM domain_event_entry WHERE global_index = ?""", inserted, sequences.get(0)));
        assertThat(verdict.firstInvalidSequence()).isEqualTo(inserted);
        assertThat(verdict.reason()).contains("no chain hash");
    }

    @Test
    void an_inserted_row_with_a_forged_hash_is_detected_as_not_covered_by_a_signed_tree_head() {
        long inserted = sequences.get(4) + 1000;
        Verdict verdict = Ledger.tamperedVerdict(transactions, jdbc, audit, sql -> {
            sql.update("""
                    INSERT INTO domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                        payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    SELECT ?, 'forged-event', meta_data, payload, payload_revision, payload_type, time_stamp,
                        'forged-unit', 0, type
                    FROM domain_event_entry WHERE global_index = ?""", inserted, sequences.get(0));
            byte[] previous = hashOf(sql, lastHashedBefore(sql, inserted));
            sql.update("INSERT INTO ledger_hash (sequence, previous_hash, hash) VALUES (?, ?, ?)", inserted, previous,
                    CanonicalForm.hash(previous, storedEvent(sql, inserted)));
        });
        assertThat(verdict.firstInvalidSequence()).isEqualTo(inserted);
        assertThat(verdict.reason()).contains("not covered by any signed tree head");
    }

    @Test
    void two_swapped_rows_are_detected_at_the_first_of_them() {
        long second = sequences.get(1);
        long third = sequences.get(2);
        Verdict verdict = Ledger.tamperedVerdict(transactions, jdbc, audit, sql -> {
            sql.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", second);
            sql.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", second, third);
            sql.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", third);
        });
        assertThat(verdict.firstInvalidSequence()).isEqualTo(second);
    }

    @Test
    void a_hash_column_rewritten_consistently_is_detected_because_the_root_no_longer_matches_a_signed_one() {
        long third = sequences.get(2);
        Verdict verdict = Ledger.tamperedVerdict(transactions, jdbc, audit, sql -> {
            sql.update("UPDATE domain_event_entry"
                    + " SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Office', 'Bureau'), 'UTF8')"
                    + " WHERE global_index = ?", third);
            // recompute every hash from the altered event on, exactly as the ledger would
            byte[] previous = hashOf(sql, lastHashedBefore(sql, third));
            for (Long sequence : sql.queryForList("SELECT sequence FROM ledger_hash WHERE sequence >= ? ORDER BY sequence",
                    Long.class, third)) {
                byte[] hash = CanonicalForm.hash(previous, storedEvent(sql, sequence));
                sql.update("UPDATE ledger_hash SET previous_hash = ?, hash = ? WHERE sequence = ?", previous, hash, sequence);
                previous = hash;
            }
        });
        assertThat(verdict.firstInvalidSequence()).isEqualTo(third);
        assertThat(verdict.reason()).contains("signed tree head");
    }

    @Test
    void the_database_refuses_to_update_delete_or_truncate_events_and_hashes() {
        long first = sequences.get(0);
        List<String> refused = List.of(
                "UPDATE domain_event_entry SET payload = payload WHERE global_index = " + first,
                "DELETE FROM domain_event_entry WHERE global_index = " + first,
                "TRUNCATE domain_event_entry CASCADE",
                "UPDATE ledger_hash SET hash = hash WHERE sequence = " + first,
                "DELETE FROM ledger_hash WHERE sequence = " + first,
                "TRUNCATE ledger_hash CASCADE",
                "DELETE FROM ledger_tree_head",
                "DELETE FROM ledger_signing_key");
        for (String statement : refused) {
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                status.setRollbackOnly();
                jdbc.execute(statement);
            })).as(statement).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    private static long lastHashedBefore(JdbcTemplate sql, long sequence) {
        return sql.queryForObject("SELECT max(sequence) FROM ledger_hash WHERE sequence < ?", Long.class, sequence);
    }

    private static byte[] hashOf(JdbcTemplate sql, long sequence) {
        return sql.queryForObject("SELECT hash FROM ledger_hash WHERE sequence = ?", byte[].class, sequence);
    }

    private static StoredEvent storedEvent(JdbcTemplate sql, long sequence) {
        return sql.queryForObject("SELECT " + StoredEventRows.COLUMNS + " FROM domain_event_entry e WHERE e.global_index = ?",
                (rs, n) -> StoredEventRows.map(rs), sequence);
    }
}
