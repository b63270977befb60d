package org.orgledger.structure.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orgledger.platform.readmodel.ReadModelJson;
import org.orgledger.structure.api.TimelineView;
import org.orgledger.structure.api.UnitHistoryView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads recorded changes from {@code change_log}: the timeline of a transition and a unit's history. */
@Component
public class ChangeLogReader {

    private static final String COLUMNS = """
            SELECT sequence, type, unit_id, instrument, effective_from, recorded_at, recorded_by, authority::text,
                   details::text, retracted_by, retracted_at
            FROM change_log
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ChangeLogReader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Changes taking effect on {@code from} through {@code to} (null: unbounded) and recorded by {@code knownAt}. */
    public TimelineView timeline(LocalDate from, LocalDate to, Instant knownAt) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE recorded_at <= ?");
        List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(knownAt)));
        if (from != null) {
            sql.append(" AND effective_from >= ?");
            arguments.add(from);
        }
        if (to != null) {
            sql.append(" AND effective_from <= ?");
            arguments.add(to);
        }
        sql.append(" ORDER BY effective_from, sequence");
        List<ObjectNode> changes = jdbc.query(sql.toString(), (rs, i) -> change(rs, knownAt), arguments.toArray());
        return new TimelineView(from, to, knownAt, changes);
    }

    /**
     * Every change of the unit recorded by {@code knownAt}, in recorded order; empty when the
     * ledger knew no unit of that id then.
     */
    public Optional<UnitHistoryView> history(String unitId, Instant knownAt) {
        List<ObjectNode> changes = jdbc.query(COLUMNS + " WHERE unit_id = ? AND recorded_at <= ? ORDER BY sequence",
                (rs, i) -> change(rs, knownAt), unitId, Timestamp.from(knownAt));
        return changes.isEmpty() ? Optional.empty() : Optional.of(new UnitHistoryView(unitId, changes));
    }

    private ObjectNode change(ResultSet rs, Instant knownAt) throws SQLException {
        ObjectNode change = json.createObjectNode();
        change.put("sequence", rs.getLong("sequence"));
        change.put("type", rs.getString("type"));
        if (rs.getString("unit_id") != null) {
            change.put("unitId", rs.getString("unit_id"));
        }
        if (rs.getString("instrument") != null) {
            change.put("instrument", rs.getString("instrument"));
        }
        change.put("effectiveFrom", rs.getObject("effective_from", LocalDate.class).toString());
        change.put("recordedAt", rs.getTimestamp("recorded_at").toInstant().toString());
        change.put("recordedBy", rs.getString("recorded_by"));
        if (rs.getString("authority") != null) {
            change.set("authority", read(rs.getString("authority")));
        }
        read(rs.getString("details")).fields().forEachRemaining(field -> {
            if (!change.has(field.getKey())) {
                change.set(field.getKey(), field.getValue());
            }
        });
        Timestamp retractedAt = rs.getTimestamp("retracted_at");
        boolean retracted = retractedAt != null && !retractedAt.toInstant().isAfter(knownAt);
        change.put("retracted", retracted);
        if (retracted) {
            change.put("retractedBy", rs.getLong("retracted_by"));
            change.put("retractedAt", retractedAt.toInstant().toString());
        }
        return change;
    }

    private JsonNode read(String text) {
        return ReadModelJson.readTree(json, text);
    }
}
