package org.orgledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.query.StructureReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the cost of one as-of query grows with the length of history. Not part of the normal
 * build: run it with {@code ./mvnw verify -Pbenchmark} (it prints its figures).
 *
 * <p>The same 200 units are in force on every date; what grows is history: each unit gets
 * {@code versions} successive names over valid time, each also corrected once in transaction
 * time, so the table holds {@code 200 * versions * 2} name rows. The answer's size stays
 * the same; a query that used the GiST index costs the same at every history length.
 */
@LedgerIntegrationTest
class AsOfQueryBenchmark {

    private static final int UNITS = 200;
    private static final int QUERIES = 300;
    private static final LocalDate START = LocalDate.of(1900, 1, 1);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StructureReader reader;

    @Test
    void an_as_of_query_costs_the_same_whatever_the_length_of_history() {
        List<String> report = new ArrayList<>();
        List<Boolean> indexUsed = new ArrayList<>();
        for (int versions : new int[] {10, 100, 1000}) {
            loadHistory(versions);
            jdbc.execute("ANALYZE structure_fact");
            double medianMillis = medianQueryMillis(versions);
            long rows = jdbc.queryForObject("SELECT count(*) FROM structure_fact", Long.class);
            String plan = String.join(" ", jdbc.queryForList("EXPLAIN SELECT * FROM structure_fact "
                    + "WHERE valid @> '1950-06-01'::date AND known @> now()", String.class));
            report.add(String.format("history rows %,9d | median as-of query %7.2f ms | index used: %s", rows,
                    medianMillis, plan.contains("structure_fact_bitemporal_idx")));
            indexUsed.add(plan.contains("structure_fact_bitemporal_idx"));
        }
        Runtime runtime = Runtime.getRuntime();
        report.add(String.format("JVM heap in use after the run: %d MiB", (runtime.totalMemory() - runtime.freeMemory()) >> 20));
        System.out.println("\n== AsOfQueryBenchmark (" + UNITS + " units in force on every date)\n" + String.join("\n", report));
        // figures are reported, never asserted (a loaded machine would fail a timed assertion);
        // what must hold is that the planner reads a long history through the bitemporal index
        // (on the shortest, a sequential scan may well be the better plan)
        assertThat(indexUsed.get(indexUsed.size() - 1)).as("the GiST index answers the as-of query on the longest history")
                .isTrue();
    }

    /** Replaces the read model with a synthetic history: valid-time versions, each corrected once. */
    private void loadHistory(int versions) {
        jdbc.execute("TRUNCATE structure_fact, structure_assertion");
        Instant recorded = Instant.parse("2020-01-01T00:00:00Z");
        jdbc.update("""
                INSERT INTO structure_fact (unit_id, fact_key, value, authority, source_sequence, valid, known)
                SELECT 'bench/unit-' || u, 'existence', '{"kind":"OFFICE"}'::jsonb,
                       '{"instrument":"BENCH/1","provision":"1"}'::jsonb, u, daterange(?, NULL), tstzrange(?, NULL)
                FROM generate_series(1, ?) AS u""", START, java.sql.Timestamp.from(recorded), UNITS);
        // each version of each name: first recorded wrong (closed in transaction time), then right
        jdbc.update("""
                INSERT INTO structure_fact (unit_id, fact_key, value, authority, source_sequence, valid, known)
                SELECT 'bench/unit-' || u, 'name', jsonb_build_object('en', 'Unit ' || u || ' v' || v || c),
                       '{"instrument":"BENCH/1","provision":"2"}'::jsonb, v,
                       daterange(?::date + v * 30, ?::date + (v + 1) * 30),
                       CASE WHEN c = 0 THEN tstzrange(?, ?) ELSE tstzrange(?, NULL) END
                FROM generate_series(1, ?) AS u, generate_series(0, ? - 1) AS v, generate_series(0, 1) AS c""",
                START, START, java.sql.Timestamp.from(recorded), java.sql.Timestamp.from(recorded.plusSeconds(60)),
                java.sql.Timestamp.from(recorded.plusSeconds(60)), UNITS, versions);
    }

    private double medianQueryMillis(int versions) {
        Random random = new Random(42);
        for (int warmUp = 0; warmUp < 30; warmUp++) {
            reader.structure(START.plusDays(30 + random.nextInt(versions * 30 - 30)), Instant.now());
        }
        double[] millis = new double[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            LocalDate asOf = START.plusDays(30 + random.nextInt(versions * 30 - 30));
            long started = System.nanoTime();
            StructureView view = reader.structure(asOf, Instant.now());
            millis[i] = (System.nanoTime() - started) / 1e6;
            assertThat(view.units()).hasSize(UNITS);
        }
        Arrays.sort(millis);
        return millis[QUERIES / 2];
    }
}
