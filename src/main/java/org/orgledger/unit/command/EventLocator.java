package org.orgledger.unit.command;

import java.util.List;
import org.orgledger.ledger.Rule;
import org.orgledger.ledger.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds a recorded change of a unit by its global sequence (a retraction names the change it retracts so). */
@Component
public class EventLocator {

    private final JdbcTemplate jdbc;

    EventLocator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The event's number within its aggregate, checking that it is a change of {@code aggregateId}. */
    public long changeNumberOf(long sequence, String aggregateId) {
        List<Long> found = jdbc.queryForList("""
                SELECT sequence_number FROM domain_event_entry WHERE global_index = ? AND aggregate_identifier = ?""",
                Long.class, sequence, aggregateId);
        if (found.isEmpty()) {
            throw new RuleViolation(Rule.CHANGE_NOT_RETRACTABLE, "sequence " + sequence + " is not a change of " + aggregateId);
        }
        return found.get(0);
    }
}
