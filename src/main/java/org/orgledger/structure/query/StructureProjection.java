package org.orgledger.structure.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.orgledger.instrument.api.Authority;
import org.orgledger.unit.api.UnitEstablished;
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
        Change change = new Change(sequenceOf(token), event.unitId().value(), event.effectiveFrom(),
                event.authority(), recordedAt);
        facts.assertFact(change.sets(FactKeys.EXISTENCE, Map.of("kind", event.kind())));
        facts.assertFact(change.sets(FactKeys.NAME, event.name()));
        if (event.parentId() != null) {
            facts.assertFact(change.sets(FactKeys.PARENT, event.parentId()));
        }
    }

    @ResetHandler
    void onReset() {
        jdbc.update("TRUNCATE structure_fact, structure_assertion");
    }

    private static long sequenceOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("no position in " + token));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value, e);
        }
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
