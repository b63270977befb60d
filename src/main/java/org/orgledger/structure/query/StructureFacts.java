package org.orgledger.structure.query;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orgledger.platform.transaction.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Writes the bitemporal read model. Each assertion is stored once (replays are harmless), then
 * the touched fact's timeline is recomputed from what the ledger knows and only the versions
 * that changed are closed (transaction time ends) or opened (transaction time starts).
 *
 * <p>Inside a transaction (a tracking processor's batch) the assertions are collected and
 * written just before it commits: a few statements for the whole batch instead of four per
 * assertion. The result is the same as asserting them one by one, in order (the consistency
 * check replays without a transaction, one by one, and compares).
 */
@Component
class StructureFacts {

    private final JdbcTemplate jdbc;

    StructureFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void assertFact(Assertion assertion) {
        TransactionScoped.get(this, () -> new Batch(this)).ifPresentOrElse(
                batch -> batch.add(assertion),
                () -> flush(List.of(assertion)));
    }

    /** A retraction: the assertions of the retracted change stop counting from {@code at} on. */
    void retract(long retractedSequence, Instant at) {
        TransactionScoped.get(this, () -> new Batch(this)).ifPresent(Batch::writePending);
        List<FactRef> touched = jdbc.query("""
                UPDATE structure_assertion SET retracted_at = ?
                WHERE sequence = ? AND retracted_at IS NULL
                RETURNING unit_id, fact_key""",
                (rs, i) -> new FactRef(rs.getString(1), rs.getString(2)), Timestamp.from(at), retractedSequence);
        List<Step> steps = touched.stream().map(fact -> new Step(fact, at, Long.MAX_VALUE)).toList();
        refresh(steps);
    }

    /** Stores the assertions, then recomputes each touched fact as of each assertion's recorded time, in order. */
    private void flush(List<Assertion> assertions) {
        if (assertions.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO structure_assertion
                    (sequence, unit_id, fact_key, effective_from, ends, value, authority, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                ON CONFLICT DO NOTHING""",
                assertions.stream().map(assertion -> new Object[] {assertion.sequence(), assertion.unitId(),
                        assertion.factKey(), assertion.effectiveFrom(), assertion.ends(), assertion.value(),
                        assertion.authority(), Timestamp.from(assertion.recordedAt())}).toList());
        refresh(assertions.stream()
                .map(assertion -> new Step(new FactRef(assertion.unitId(), assertion.factKey()), assertion.recordedAt(),
                        assertion.sequence()))
                .toList());
    }

    private void refresh(List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        Map<FactRef, FactState> facts = new LinkedHashMap<>();
        steps.forEach(step -> facts.computeIfAbsent(step.fact(), FactState::new));
        loadAssertions(facts);
        loadOpenVersions(facts);
        for (Step step : steps) {
            facts.get(step.fact()).refreshAt(step.at(), step.upToSequence());
        }
        write(facts.values());
    }

    private void loadAssertions(Map<FactRef, FactState> facts) {
        jdbc.query("""
                SELECT a.unit_id, a.fact_key, a.sequence, a.effective_from, a.ends, a.value::text, a.authority::text,
                       a.recorded_at, a.retracted_at
                FROM structure_assertion a
                JOIN unnest(?::text[], ?::text[]) AS f (unit_id, fact_key)
                  ON a.unit_id = f.unit_id AND a.fact_key = f.fact_key""",
                statement -> bindFacts(statement, facts.keySet()),
                rs -> {
                    FactRef fact = new FactRef(rs.getString(1), rs.getString(2));
                    Timestamp retractedAt = rs.getTimestamp(9);
                    facts.get(fact).known.add(new KnownAssertion(new Assertion(rs.getLong(3), fact.unitId(),
                            fact.factKey(), rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.getString(6),
                            rs.getString(7), rs.getTimestamp(8).toInstant()),
                            retractedAt == null ? null : retractedAt.toInstant()));
                });
    }

    private void loadOpenVersions(Map<FactRef, FactState> facts) {
        jdbc.query("""
                SELECT s.unit_id, s.fact_key, s.id, s.value::text, s.authority::text, s.source_sequence,
                       lower(s.valid), upper(s.valid), lower(s.known)
                FROM structure_fact s
                JOIN unnest(?::text[], ?::text[]) AS f (unit_id, fact_key)
                  ON s.unit_id = f.unit_id AND s.fact_key = f.fact_key
                WHERE upper_inf(s.known)
                ORDER BY s.id""",
                statement -> bindFacts(statement, facts.keySet()),
                rs -> {
                    FactRef fact = new FactRef(rs.getString(1), rs.getString(2));
                    facts.get(fact).open.add(new Version(rs.getLong(3), new FactVersion(rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class)),
                            rs.getTimestamp(9).toInstant()));
                });
    }

    private static void bindFacts(PreparedStatement statement, Iterable<FactRef> facts) throws SQLException {
        List<String> units = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        facts.forEach(fact -> {
            units.add(fact.unitId());
            keys.add(fact.factKey());
        });
        Array unitArray = statement.getConnection().createArrayOf("text", units.toArray());
        Array keyArray = statement.getConnection().createArrayOf("text", keys.toArray());
        statement.setArray(1, unitArray);
        statement.setArray(2, keyArray);
    }

    private void write(Iterable<FactState> facts) {
        List<Object[]> dropped = new ArrayList<>();
        List<Object[]> closed = new ArrayList<>();
        List<Object[]> opened = new ArrayList<>();
        for (FactState fact : facts) {
            for (Version version : fact.written) {
                if (version.id != null) {
                    // A version opened at the instant it is closed was never visible to anyone: drop it.
                    if (!version.knownFrom.isBefore(version.knownTo)) {
                        dropped.add(new Object[] {version.id});
                    } else {
                        closed.add(new Object[] {Timestamp.from(version.knownTo), version.id});
                    }
                } else if (version.knownTo == null || version.knownFrom.isBefore(version.knownTo)) {
                    FactVersion value = version.value;
                    opened.add(new Object[] {fact.ref.unitId(), fact.ref.factKey(), value.value(), value.authority(),
                            value.sourceSequence(), value.validFrom(), value.validTo(), Timestamp.from(version.knownFrom),
                            version.knownTo == null ? null : Timestamp.from(version.knownTo)});
                }
            }
        }
        jdbc.batchUpdate("DELETE FROM structure_fact WHERE id = ?", dropped);
        jdbc.batchUpdate("UPDATE structure_fact SET known = tstzrange(lower(known), ?, '[)') WHERE id = ?", closed);
        jdbc.batchUpdate("""
                INSERT INTO structure_fact (unit_id, fact_key, value, authority, source_sequence, valid, known)
                VALUES (?, ?, ?::jsonb, ?::jsonb, ?, daterange(?, ?, '[)'), tstzrange(?, ?, '[)'))""", opened);
    }

    /** One fact's assertions and versions while a batch is recomputed in memory. */
    private static final class FactState {
        private final FactRef ref;
        private final List<KnownAssertion> known = new ArrayList<>();
        /** The versions open (transaction time not ended) as of the last step. */
        private final List<Version> open = new ArrayList<>();
        /** Every version this batch closed or opened, to be written. */
        private final List<Version> written = new ArrayList<>();

        FactState(FactRef ref) {
            this.ref = ref;
        }

        /**
         * One step: the timeline as known at {@code at}, from the assertions stored by then (those
         * up to {@code upToSequence}), replaces the open versions.
         */
        void refreshAt(Instant at, long upToSequence) {
            List<FactVersion> wanted = FactTimeline.of(known.stream()
                    .filter(assertion -> assertion.assertion().sequence() <= upToSequence && assertion.knownAt(at))
                    .map(KnownAssertion::assertion)
                    .toList());
            List<FactVersion> kept = new ArrayList<>();
            List<Version> stillOpen = new ArrayList<>();
            for (Version version : open) {
                if (wanted.contains(version.value) && !kept.contains(version.value)) {
                    kept.add(version.value);
                    stillOpen.add(version);
                } else {
                    version.knownTo = at;
                    if (!written.contains(version)) {
                        written.add(version);
                    }
                }
            }
            for (FactVersion version : wanted) {
                if (!kept.contains(version)) {
                    Version opened = new Version(null, version, at);
                    stillOpen.add(opened);
                    written.add(opened);
                }
            }
            open.clear();
            open.addAll(stillOpen);
        }
    }

    private static final class Version {
        private final Long id;
        private final FactVersion value;
        private final Instant knownFrom;
        private Instant knownTo;

        Version(Long id, FactVersion value, Instant knownFrom) {
            this.id = id;
            this.value = value;
            this.knownFrom = knownFrom;
        }
    }

    private record KnownAssertion(Assertion assertion, Instant retractedAt) {
        boolean knownAt(Instant at) {
            return !assertion.recordedAt().isAfter(at) && (retractedAt == null || retractedAt.isAfter(at));
        }
    }

    private record FactRef(String unitId, String factKey) {
    }

    /** Recompute {@code fact} as known at {@code at}, from the assertions up to {@code upToSequence}. */
    private record Step(FactRef fact, Instant at, long upToSequence) {
    }

    /** The assertions of the current transaction, written just before it commits. */
    private static final class Batch implements TransactionSynchronization {
        private final StructureFacts facts;
        private final List<Assertion> pending = new ArrayList<>();

        Batch(StructureFacts facts) {
            this.facts = facts;
        }

        void add(Assertion assertion) {
            pending.add(assertion);
        }

        void writePending() {
            List<Assertion> assertions = List.copyOf(pending);
            pending.clear();
            facts.flush(assertions);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writePending();
        }
    }
}
