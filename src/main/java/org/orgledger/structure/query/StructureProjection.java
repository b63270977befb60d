package org.orgledger.structure.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.orgledger.instrument.api.Authority;
import org.orgledger.platform.readmodel.ReadModelJson;
import org.orgledger.unit.api.AlternateNameRecorded;
import org.orgledger.unit.api.ChangeRetracted;
import org.orgledger.unit.api.FunctionAssigned;
import org.orgledger.unit.api.FunctionWithdrawn;
import org.orgledger.unit.api.HeadDesignated;
import org.orgledger.unit.api.HeadVacated;
import org.orgledger.unit.api.ReportingLineChanged;
import org.orgledger.unit.api.UnitAbolished;
import org.orgledger.unit.api.UnitEstablished;
import org.orgledger.unit.api.UnitEvent;
import org.orgledger.unit.api.UnitRenamed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Folds recorded changes into the bitemporal structure tables. Runs in a tracking processor,
 * so it sees events in sequence order, and can be reset to rebuild the tables from the log.
 */
@Component
@ProcessingGroup(StructureProjection.PROCESSING_GROUP)
class StructureProjection {

    static final String PROCESSING_GROUP = "structure";

    private final StructureFacts facts;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;

    StructureProjection(StructureFacts facts, ObjectMapper json, JdbcTemplate jdbc) {
        this.facts = facts;
        this.json = json;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitEstablished event, @Timestamp Instant recordedAt, TrackingToken token) {
        Change change = change(event, recordedAt, token);
        facts.assertFact(change.sets(FactKeys.EXISTENCE, Map.of("kind", event.kind())));
        facts.assertFact(change.sets(FactKeys.NAME, event.name()));
        if (!event.nameLabels().isEmpty()) {
            facts.assertFact(change.sets(FactKeys.NAME_LABELS, event.nameLabels()));
        }
        if (event.parentId() != null) {
            facts.assertFact(change.sets(FactKeys.PARENT, event.parentId()));
        }
    }

    @EventHandler
    void on(UnitRenamed event, @Timestamp Instant recordedAt, TrackingToken token) {
        Change change = change(event, recordedAt, token);
        facts.assertFact(change.sets(FactKeys.NAME, event.name()));
        facts.assertFact(event.nameLabels().isEmpty() ? change.ends(FactKeys.NAME_LABELS)
                : change.sets(FactKeys.NAME_LABELS, event.nameLabels()));
    }

    @EventHandler
    void on(AlternateNameRecorded event, @Timestamp Instant recordedAt, TrackingToken token) {
        Change change = change(event, recordedAt, token);
        facts.assertFact(change.sets(FactKeys.alternateName(change.sequence),
                new StructureReader.AlternateNameValue(event.name(), event.nameLabels())));
    }

    @EventHandler
    void on(ReportingLineChanged event, @Timestamp Instant recordedAt, TrackingToken token) {
        Change change = change(event, recordedAt, token);
        facts.assertFact(event.parentId() == null ? change.ends(FactKeys.PARENT) : change.sets(FactKeys.PARENT, event.parentId()));
    }

    @EventHandler
    void on(HeadDesignated event, @Timestamp Instant recordedAt, TrackingToken token) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("title", event.title());
        head.put("level", event.level());
        if (!event.titleLabels().isEmpty()) {
            head.put("titleLabels", event.titleLabels());
        }
        facts.assertFact(change(event, recordedAt, token).sets(FactKeys.HEAD, head));
    }

    @EventHandler
    void on(HeadVacated event, @Timestamp Instant recordedAt, TrackingToken token) {
        facts.assertFact(change(event, recordedAt, token).ends(FactKeys.HEAD));
    }

    @EventHandler
    void on(FunctionAssigned event, @Timestamp Instant recordedAt, TrackingToken token) {
        facts.assertFact(change(event, recordedAt, token).sets(FactKeys.function(event.functionId().value()),
                new StructureReader.FunctionValue(event.functionId().value(), event.text(), event.textLabels())));
    }

    @EventHandler
    void on(FunctionWithdrawn event, @Timestamp Instant recordedAt, TrackingToken token) {
        facts.assertFact(change(event, recordedAt, token).ends(FactKeys.function(event.functionId().value())));
    }

    @EventHandler
    void on(UnitAbolished event, @Timestamp Instant recordedAt, TrackingToken token) {
        facts.assertFact(change(event, recordedAt, token).ends(FactKeys.EXISTENCE));
    }

    /** A correction: the retracted change's assertions stop counting from the retraction's recorded time. */
    @EventHandler
    void on(ChangeRetracted event, @Timestamp Instant recordedAt) {
        facts.retract(event.sequence(), recordedAt);
    }

    @ResetHandler
    void onReset() {
        jdbc.update("TRUNCATE structure_fact, structure_assertion");
    }

    private Change change(UnitEvent event, Instant recordedAt, TrackingToken token) {
        return new Change(sequenceOf(token), event.unitId().value(), event.effectiveFrom(), event.authority(), recordedAt);
    }

    private static long sequenceOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("no position in " + token));
    }

    private String toJson(Object value) {
        return ReadModelJson.write(json, value);
    }

    /** The common part of every assertion one change makes. */
    private final class Change {
        private final long sequence;
        private final String unitId;
        private final LocalDate effectiveFrom;
        private final String authority;
        private final Instant recordedAt;

        Change(long sequence, String unitId, LocalDate effectiveFrom, Authority authority, Instant recordedAt) {
            this.sequence = sequence;
            this.unitId = unitId;
            this.effectiveFrom = effectiveFrom;
            this.authority = toJson(authority);
            this.recordedAt = recordedAt;
        }

        Assertion sets(String factKey, Object value) {
            return new Assertion(sequence, unitId, factKey, effectiveFrom, false, toJson(value), authority, recordedAt);
        }

        Assertion ends(String factKey) {
            return new Assertion(sequence, unitId, factKey, effectiveFrom, true, null, authority, recordedAt);
        }
    }
}
