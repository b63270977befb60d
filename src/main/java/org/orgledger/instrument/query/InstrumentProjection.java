package org.orgledger.instrument.query;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.orgledger.instrument.api.BulletinPromulgated;
import org.orgledger.instrument.api.BulletinSuperseded;
import org.orgledger.platform.eventstore.LedgerMetadata;
import org.orgledger.platform.readmodel.ReadModelJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code instrument_view}: every instrument and, once superseded, by what and from when. */
@Component
@ProcessingGroup(InstrumentProjection.PROCESSING_GROUP)
class InstrumentProjection {

    static final String PROCESSING_GROUP = "instrument-query";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    InstrumentProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(BulletinPromulgated event, @Timestamp Instant recordedAt, TrackingToken token,
            @MetaDataValue(LedgerMetadata.RECORDED_BY) String recordedBy) {
        jdbc.update("""
                INSERT INTO instrument_view (symbol, kind, title, title_labels, issued_on, effective_from, sequence,
                                             recorded_at, recorded_by)
                VALUES (?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)
                ON CONFLICT (symbol) DO NOTHING""",
                event.symbol().value(), event.kind().name(), toJson(event.title()), toJson(event.titleLabels()),
                event.issuedOn(),
                event.effectiveFrom(), token.position().orElseThrow(), java.sql.Timestamp.from(recordedAt), recordedBy);
    }

    @EventHandler
    void on(BulletinSuperseded event) {
        jdbc.update("UPDATE instrument_view SET superseded_by = ?, superseded_on = ? WHERE symbol = ?",
                event.supersedingSymbol().value(), event.effectiveFrom(), event.symbol().value());
    }

    @ResetHandler
    void onReset() {
        jdbc.update("TRUNCATE instrument_view");
    }

    private String toJson(Object value) {
        return ReadModelJson.write(json, value);
    }
}
