package org.orgledger.structure.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the bitemporal read model. Each assertion is stored once (replays are harmless), then
 * the touched fact's timeline is recomputed from what the ledger knows and only the versions
 * that changed are closed (transaction time ends) or opened (transaction time starts).
 */
@Component
class StructureFacts {

    private final JdbcTemplate jdbc;

    StructureFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void assertFact(Assertion assertion) {
        jdbc.update("""
                INSERT INTO structure_assertion
                    (sequence, unit_id, fact_key, effective_from, ends, value, authority, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                ON CONFLICT DO NOTHING""",
                assertion.sequence(), assertion.unitId(), assertion.factKey(), assertion.effectiveFrom(),
                assertion.ends(), assertion.value(), assertion.authority(), Timestamp.from(assertion.recordedAt()));
        refresh(assertion.unitId(), assertion.factKey(), assertion.recordedAt());
    }

    /** A retraction: the assertions of the retracted change stop counting from {@code at} on. */
    void retract(long retractedSequence, Instant at) {
        List<FactRef> touched = jdbc.query("""
                UPDATE structure_assertion SET retracted_at = ?
                WHERE sequence = ? AND retracted_at IS NULL
                RETURNING unit_id, fact_key""",
                (rs, i) -> new FactRef(rs.getString(1), rs.getString(2)), Timestamp.from(at), retractedSequence);
        touched.forEach(fact -> refresh(fact.unitId(), fact.factKey(), at));
    }

    private void refresh(String unitId, String factKey, Instant at) {
        List<FactVersion> wanted = FactTimeline.of(knownAssertions(unitId, factKey, at));
        List<CurrentVersion> current = currentVersions(unitId, factKey);
        Set<FactVersion> kept = new HashSet<>();
        for (CurrentVersion version : current) {
            if (wanted.contains(version.version()) && kept.add(version.version())) {
                continue;
            }
            close(version.id(), at);
        }
        wanted.stream().filter(version -> !kept.contains(version)).forEach(version -> open(unitId, factKey, version, at));
    }

    private List<Assertion> knownAssertions(String unitId, String factKey, Instant at) {
        return jdbc.query("""
                SELECT sequence, effective_from, ends, value::text, authority::text, recorded_at
                FROM structure_assertion
                WHERE unit_id = ? AND fact_key = ? AND recorded_at <= ?
                  AND (retracted_at IS NULL OR retracted_at > ?)""",
                (rs, i) -> new Assertion(rs.getLong(1), unitId, factKey, rs.getObject(2, java.time.LocalDate.class),
                        rs.getBoolean(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()),
                unitId, factKey, Timestamp.from(at), Timestamp.from(at));
    }

    private List<CurrentVersion> currentVersions(String unitId, String factKey) {
        return jdbc.query("""
                SELECT id, value::text, authority::text, source_sequence, lower(valid), upper(valid)
                FROM structure_fact
                WHERE unit_id = ? AND fact_key = ? AND upper_inf(known)""",
                (rs, i) -> new CurrentVersion(rs.getLong(1), new FactVersion(rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getObject(5, java.time.LocalDate.class), rs.getObject(6, java.time.LocalDate.class))),
                unitId, factKey);
    }

    private void close(long id, Instant at) {
        // A version opened at this very instant was never visible to anyone: drop it instead.
        int dropped = jdbc.update("DELETE FROM structure_fact WHERE id = ? AND lower(known) >= ?", id, Timestamp.from(at));
        if (dropped == 0) {
            jdbc.update("UPDATE structure_fact SET known = tstzrange(lower(known), ?, '[)') WHERE id = ?",
                    Timestamp.from(at), id);
        }
    }

    private void open(String unitId, String factKey, FactVersion version, Instant at) {
        jdbc.update("""
                INSERT INTO structure_fact (unit_id, fact_key, value, authority, source_sequence, valid, known)
                VALUES (?, ?, ?::jsonb, ?::jsonb, ?, daterange(?, ?, '[)'), tstzrange(?, NULL, '[)'))""",
                unitId, factKey, version.value(), version.authority(), version.sourceSequence(),
                version.validFrom(), version.validTo(), Timestamp.from(at));
    }

    private record FactRef(String unitId, String factKey) {
    }

    private record CurrentVersion(long id, FactVersion version) {
        CurrentVersion {
            Objects.requireNonNull(version);
        }
    }
}
