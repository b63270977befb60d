package org.orgledger.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.orgledger.audit.chain.StoredEvent;

/** Reads {@code domain_event_entry} rows as stored, for the chain and the auditor's views. */
final class StoredEventRows {

    /** The event columns, for a query aliasing the table as {@code e}. */
    static final String COLUMNS = "e.global_index, e.event_identifier, e.type, e.aggregate_identifier,"
            + " e.sequence_number, e.payload_type, e.payload_revision, e.payload, e.meta_data, e.time_stamp";

    private StoredEventRows() {
    }

    /** Maps {@link #COLUMNS}, which must come first in the select list; null when the row is absent. */
    static StoredEvent map(ResultSet rs) throws SQLException {
        long sequence = rs.getLong(1);
        if (rs.wasNull()) {
            return null;
        }
        return new StoredEvent(sequence, rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9), rs.getString(10));
    }
}
