package org.orgledger.structure.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.orgledger.language.LocalizedText;
import org.orgledger.ledger.events.EventNames;
import org.orgledger.platform.readmodel.ReadModelJson;
import org.orgledger.structure.api.ChangeView;
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

    /** What every change has; a detail of the same name would not be written twice. */
    private static final Set<String> COMMON = Set.of("sequence", "type", "unitId", "instrument", "effectiveFrom",
            "recordedAt", "recordedBy", "authority", "retracted", "retractedBy", "retractedAt");
    private static final TypeReference<LinkedHashMap<String, String>> CITATION = new TypeReference<>() { };
    private static final Map<String, Set<String>> TEXTS = new ConcurrentHashMap<>();

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
        List<ChangeView> changes = jdbc.query(sql.toString(), (rs, i) -> change(rs, knownAt), arguments.toArray());
        return new TimelineView(from, to, knownAt, changes);
    }

    /**
     * Every change of the unit recorded by {@code knownAt}, in recorded order; empty when the
     * ledger knew no unit of that id then.
     */
    public Optional<UnitHistoryView> history(String unitId, Instant knownAt) {
        List<ChangeView> changes = jdbc.query(COLUMNS + " WHERE unit_id = ? AND recorded_at <= ? ORDER BY sequence",
                (rs, i) -> change(rs, knownAt), unitId, Timestamp.from(knownAt));
        return changes.isEmpty() ? Optional.empty() : Optional.of(new UnitHistoryView(unitId, changes));
    }

    private ChangeView change(ResultSet rs, Instant knownAt) throws SQLException {
        String type = rs.getString("type");
        String authority = rs.getString("authority");
        Timestamp retractedAt = rs.getTimestamp("retracted_at");
        boolean retracted = retractedAt != null && !retractedAt.toInstant().isAfter(knownAt);
        return new ChangeView(rs.getLong("sequence"), type, rs.getString("unit_id"), rs.getString("instrument"),
                rs.getObject("effective_from", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"), authority == null ? null : ReadModelJson.read(json, authority, CITATION),
                details(type, rs.getString("details")), retracted, retracted ? rs.getLong("retracted_by") : null,
                retracted ? retractedAt.toInstant() : null);
    }

    /** The fields of the change's type, in their stored order; its texts per language as {@link LocalizedText}. */
    private Map<String, Object> details(String type, String stored) {
        Set<String> texts = TEXTS.computeIfAbsent(type, ChangeLogReader::textsOf);
        Map<String, Object> details = new LinkedHashMap<>();
        read(stored).fields().forEachRemaining(field -> {
            if (!COMMON.contains(field.getKey())) {
                details.put(field.getKey(), texts.contains(field.getKey())
                        ? json.convertValue(field.getValue(), LocalizedText.class) : field.getValue());
            }
        });
        return details;
    }

    /** The names of an event type's texts per language. */
    private static Set<String> textsOf(String type) {
        return EventNames.eventOfType(type).filter(Class::isRecord)
                .map(event -> Arrays.stream(event.getRecordComponents())
                        .filter(component -> component.getType() == LocalizedText.class)
                        .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    private JsonNode read(String text) {
        return ReadModelJson.readTree(json, text);
    }
}
