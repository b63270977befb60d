package org.orgledger.instrument.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orgledger.instrument.api.InstrumentKind;
import org.orgledger.instrument.api.InstrumentView;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.platform.readmodel.ReadModelJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the recorded instruments. */
@Component
public class InstrumentReader {

    private static final String SELECT = """
            SELECT i.symbol, i.kind, i.title::text, i.title_labels::text, i.issued_on, i.effective_from, i.superseded_by, i.superseded_on,
                   i.sequence, i.recorded_at, i.recorded_by,
                   ARRAY(SELECT s.symbol FROM instrument_view s WHERE s.superseded_by = i.symbol ORDER BY s.symbol) AS supersedes
            FROM instrument_view i
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    InstrumentReader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every instrument, in the order they took effect. */
    public List<InstrumentView> all() {
        return jdbc.query(SELECT + " ORDER BY i.effective_from, i.symbol", this::view);
    }

    public Optional<InstrumentView> find(String symbol) {
        return jdbc.query(SELECT + " WHERE i.symbol = ?", this::view, symbol).stream().findFirst();
    }

    private InstrumentView view(ResultSet rs, int row) throws SQLException {
        return new InstrumentView(rs.getString("symbol"), InstrumentKind.valueOf(rs.getString("kind")),
                text(rs.getString("title")), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("effective_from", LocalDate.class), rs.getString("superseded_by"),
                rs.getObject("superseded_on", LocalDate.class), List.of((String[]) rs.getArray("supersedes").getArray()),
                rs.getLong("sequence"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                labels(rs.getString("title_labels")));
    }

    private Map<String, TextLabel> labels(String value) {
        return ReadModelJson.read(json, value, LABELS);
    }

    private static final TypeReference<Map<String, TextLabel>> LABELS = new TypeReference<>() { };

    private LocalizedText text(String value) {
        return ReadModelJson.read(json, value, LocalizedText.class);
    }
}
