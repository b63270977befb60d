package org.orgledger.unit.command;

import java.util.List;
import java.util.OptionalLong;
import org.orgledger.platform.eventstore.PendingEventRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds a recorded change of a unit by its global sequence (a retraction names the change it retracts so). */
@Component
public class EventLocator {

    private final JdbcTemplate jdbc;

    EventLocator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The event's number within its aggregate, if it is a change of {@code aggregateId}. */
    public OptionalLong changeNumberOf(long sequence, String aggregateId) {
        PendingEventRows.writeNow();
        List<Long> found = jdbc.queryForList("""
                SELECT sequence_number FROM domain_event_entry WHERE global_index = ? AND aggregate_identifier = ?""",
                Long.class, sequence, aggregateId);
        return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
    }
}
