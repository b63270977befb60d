package org.orgledger.unit.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * Units and their reporting-line assertions as the registry's tables hold them, read a selection
 * at a time in one round trip each. What the current transaction has changed but not yet written
 * is laid over them by {@link RegistryWrites#graphOf}: a command that walks the hierarchy needs no
 * write before its read (decision 0007).
 */
final class StoredLines {

    /** A reporting-line assertion: from {@code from} on, the unit reports to {@code parentId} (null: to nobody). */
    record ParentLine(String unitId, long changeNumber, LocalDate from, String parentId) {
    }

    private static final String LINES_OF_CHOSEN = """
            SELECT r.unit_id, r.established_on, r.abolished_on, a.change_number, a.effective_from, a.parent_id
            FROM unit_registry r
            LEFT JOIN unit_parent_assertion a ON a.unit_id = r.unit_id AND NOT a.retracted
            WHERE r.unit_id IN (SELECT unit_id FROM chosen)""";

    /** The units that ever reported to one of the roots, directly or through others, with the roots. */
    private static final String BELOW = """
            WITH RECURSIVE chosen (unit_id) AS (
                SELECT unnest(?::text[])
                UNION
                SELECT a.unit_id FROM unit_parent_assertion a JOIN chosen c ON a.parent_id = c.unit_id
                WHERE NOT a.retracted)
            """ + LINES_OF_CHOSEN;

    /** The units that ever reported directly to a unit. */
    private static final String CHILDREN = """
            WITH chosen AS (SELECT DISTINCT unit_id FROM unit_parent_assertion WHERE parent_id = ? AND NOT retracted)
            """ + LINES_OF_CHOSEN;

    private static final String NAMED = "WITH chosen AS (SELECT unnest(?::text[]) AS unit_id) " + LINES_OF_CHOSEN;

    private static final String EVERY = "WITH chosen AS (SELECT unit_id FROM unit_registry) " + LINES_OF_CHOSEN;

    private final JdbcTemplate jdbc;
    private final Map<String, RegistryWrites.Registration> units = new HashMap<>();
    private final List<ParentLine> lines = new ArrayList<>();
    /** The units the statement being read has returned so far (its rows repeat a unit per assertion). */
    private final Set<String> unitsReadNow = new HashSet<>();

    StoredLines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, RegistryWrites.Registration> units() {
        return units;
    }

    List<ParentLine> lines() {
        return lines;
    }

    void readBelow(Collection<String> roots) {
        read(BELOW, statement -> statement.setArray(1, statement.getConnection().createArrayOf("text", roots.toArray())));
    }

    void readChildrenOf(String parentId) {
        read(CHILDREN, statement -> statement.setString(1, parentId));
    }

    void readNamed(Collection<String> unitIds) {
        if (!unitIds.isEmpty()) {
            read(NAMED, statement -> statement.setArray(1, statement.getConnection().createArrayOf("text", unitIds.toArray())));
        }
    }

    void readEvery() {
        read(EVERY, statement -> { });
    }

    private void read(String sql, PreparedStatementSetter arguments) {
        jdbc.query(sql, arguments, rs -> {
            String unitId = rs.getString(1);
            // a unit read before (another root's subtree) is not read twice
            if (units.containsKey(unitId) && !unitsReadNow.contains(unitId)) {
                return;
            }
            unitsReadNow.add(unitId);
            units.put(unitId, new RegistryWrites.Registration(rs.getObject(2, LocalDate.class),
                    rs.getObject(3, LocalDate.class)));
            long changeNumber = rs.getLong(4);
            if (!rs.wasNull()) {
                lines.add(new ParentLine(unitId, changeNumber, rs.getObject(5, LocalDate.class), rs.getString(6)));
            }
        });
        unitsReadNow.clear();
    }
}
