package org.orgledger.platform.readmodel;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A query-side read model: the tracking processor that keeps it and the tables only it writes.
 * Every read model can be rebuilt from the event log (a processor reset) and replayed into
 * shadow tables to check that the live tables are what the events say they should be.
 */
public interface ReadModel {

    /** The processing group, and so the name of the tracking processor, that keeps the tables. */
    String processingGroup();

    /** The tables the read model alone writes. */
    List<String> tables();

    /**
     * A fresh instance of the read model's event handler that writes through {@code jdbc} (whose
     * connection has the shadow schema on its search path during a consistency check).
     */
    Object projectionWritingTo(JdbcTemplate jdbc);

    /**
     * The table, if any, that shows every event as one row keyed by its {@code sequence}: the
     * consistency check compares each event's texts in the log with that row, so a read model that
     * changed what it was told (a text stored as {@code ?}) is reported even when a replay would
     * change it the same way.
     */
    default Optional<String> eventTable() {
        return Optional.empty();
    }

    static ReadModel of(String processingGroup, List<String> tables, Function<JdbcTemplate, Object> projection) {
        return of(processingGroup, tables, projection, null);
    }

    static ReadModel of(String processingGroup, List<String> tables, Function<JdbcTemplate, Object> projection,
                        String eventTable) {
        List<String> owned = List.copyOf(tables);
        return new ReadModel() {
            @Override
            public Optional<String> eventTable() {
                return Optional.ofNullable(eventTable);
            }

            @Override
            public String processingGroup() {
                return processingGroup;
            }

            @Override
            public List<String> tables() {
                return owned;
            }

            @Override
            public Object projectionWritingTo(JdbcTemplate jdbc) {
                return projection.apply(jdbc);
            }

            @Override
            public String toString() {
                return processingGroup + " " + owned;
            }
        };
    }
}
