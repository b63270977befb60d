package org.orgledger.structure.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.BulletinPromulgated;
import org.orgledger.instrument.api.BulletinSuperseded;
import org.orgledger.ledger.events.EventNames;
import org.orgledger.platform.eventstore.LedgerMetadata;
import org.orgledger.platform.readmodel.ReadModelJson;
import org.orgledger.unit.api.ChangeRetracted;
import org.orgledger.unit.api.UnitEvent;
import org.orgledger.platform.transaction.PendingRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code change_log}: one row per recorded change with who recorded it, when, on what
 * authority, and its type-specific fields; a retraction also marks the change it retracts.
 * Keyed by the global sequence, so a replayed event changes nothing.
 */
@Component
@ProcessingGroup(ChangeLogProjection.PROCESSING_GROUP)
class ChangeLogProjection {

    static final String PROCESSING_GROUP = "change-log";
    /** The provision a promulgation cites: the instrument as a whole. */
    static final String PROMULGATION = "whole";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ChangeLogProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(UnitEvent event, EventMessage<?> message, TrackingToken token,
            @MetaDataValue(LedgerMetadata.RECORDED_BY) String recordedBy) {
        ObjectNode details = detailsOf(event, "unitId", "effectiveFrom", "authority");
        long sequence = sequenceOf(token);
        if (event instanceof ChangeRetracted retraction) {
            // the event's own "sequence" names the retracted change; ours is the retraction's
            details.remove("sequence");
            details.remove("changeNumber");
            details.put("retractedSequence", retraction.sequence());
            details.put("retractedChangeNumber", retraction.changeNumber());
            PendingRows.writeNow(this); // the retracted change may still be waiting in this batch
            jdbc.update("UPDATE change_log SET retracted_by = ?, retracted_at = ? WHERE sequence = ? AND retracted_by IS NULL",
                    sequence, Timestamp.from(message.getTimestamp()), retraction.sequence());
        }
        record(sequence, message, event.unitId().value(), null, event.effectiveFrom(), event.authority(), details,
                recordedBy);
    }

    @EventHandler
    void on(BulletinPromulgated event, EventMessage<?> message, TrackingToken token,
            @MetaDataValue(LedgerMetadata.RECORDED_BY) String recordedBy) {
        ObjectNode details = detailsOf(event, "symbol", "effectiveFrom");
        // every change cites an authority; a promulgation is grounded by the instrument itself, as a whole
        record(sequenceOf(token), message, null, event.symbol().value(), event.effectiveFrom(),
                new Authority(event.symbol(), PROMULGATION), details, recordedBy);
    }

    @EventHandler
    void on(BulletinSuperseded event, EventMessage<?> message, TrackingToken token,
            @MetaDataValue(LedgerMetadata.RECORDED_BY) String recordedBy) {
        ObjectNode details = detailsOf(event, "symbol", "effectiveFrom", "supersedingSymbol", "provision");
        details.put("supersededBy", event.supersedingSymbol().value());
        record(sequenceOf(token), message, null, event.symbol().value(), event.effectiveFrom(), event.authority(),
                details, recordedBy);
    }

    @ResetHandler
    void onReset() {
        jdbc.update("TRUNCATE change_log");
    }

    private void record(long sequence, EventMessage<?> message, String unitId, String instrument, LocalDate effectiveFrom,
                        Authority authority, ObjectNode details, String recordedBy) {
        PendingRows.add(this, jdbc, """
                INSERT INTO change_log (sequence, type, unit_id, instrument, effective_from, recorded_at, recorded_by,
                                        authority, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                ON CONFLICT (sequence) DO NOTHING""",
                sequence, EventNames.shortName(message.getPayloadType()), unitId, instrument, effectiveFrom,
                Timestamp.from(message.getTimestamp()), recordedBy, authority == null ? null : toJson(authority),
                toJson(details));
    }

    private ObjectNode detailsOf(Object event, String... common) {
        ObjectNode details = json.valueToTree(event);
        for (String field : common) {
            details.remove(field);
        }
        return details;
    }

    private String toJson(Object value) {
        return ReadModelJson.write(json, value);
    }

    private static long sequenceOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("no position in " + token));
    }
}
