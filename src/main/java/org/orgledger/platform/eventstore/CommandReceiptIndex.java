package org.orgledger.platform.eventstore;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes each appended event by the command that caused it, in the appending transaction,
 * so that the caller of a command can be told the sequences of its events.
 */
@Component
class CommandReceiptIndex implements LedgerAppendListener {

    private final JdbcTemplate jdbc;

    CommandReceiptIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void onAppended(List<AppendedEvent> events) {
        for (AppendedEvent event : events) {
            Object commandId = event.message().getMetaData().get(LedgerMetadata.COMMAND_ID);
            if (commandId != null) {
                jdbc.update("INSERT INTO command_receipt (sequence, command_id) VALUES (?, ?)",
                        event.sequence(), commandId.toString());
            }
        }
    }

    List<Long> sequencesOf(String commandId) {
        return jdbc.queryForList("SELECT sequence FROM command_receipt WHERE command_id = ? ORDER BY sequence",
                Long.class, commandId);
    }
}
