package org.orgledger.platform.eventstore;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A command sent with an {@code Idempotency-Key} header is recorded once, however often, and on
 * whichever node, the client sends it again: the key (per user) becomes the command's id, and the
 * sequences it appended are stored with it in the appending transaction, under the ledger lock.
 * A retry finds them and is answered with the same receipt; two attempts at once collide on the
 * key's primary key, and the loser is answered with the winner's receipt. Commands without a key
 * write nothing here (decision 0007 keeps that path free of it).
 */
@Component
public class IdempotencyKeys implements LedgerAppendListener {

    public static final String HEADER = "Idempotency-Key";
    private static final String PREFIX = "idempotency:";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The command id the current HTTP request names with its key, scoped to the user; empty without one. */
    Optional<String> commandIdOfCurrentRequest(String recordedBy) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return Optional.empty();
        }
        String key = request.getRequest().getHeader(HEADER);
        if (key == null) {
            return Optional.empty();
        }
        if (!KEY.matcher(key).matches()) {
            // a value refused: the web layer answers 400 INVALID_INPUT (platform knows no ledger codes)
            throw new IllegalArgumentException(HEADER + " must be 1 to 100 characters: letters, digits, '.', '_', ':' or '-'");
        }
        return Optional.of(PREFIX + recordedBy + ":" + key);
    }

    /** The sequences a keyed command appended, once it has committed. */
    Optional<List<Long>> recorded(String commandId) {
        return jdbc.query("SELECT sequences FROM command_idempotency WHERE command_id = ?",
                (rs, n) -> Arrays.stream((Long[]) rs.getArray(1).getArray()).toList(), commandId).stream().findFirst();
    }

    @Override
    public void onAppended(List<AppendedEvent> events) {
        Map<String, List<Long>> keyed = new LinkedHashMap<>();
        for (AppendedEvent event : events) {
            Object commandId = event.message().getMetaData().get(LedgerMetadata.COMMAND_ID);
            if (commandId != null && commandId.toString().startsWith(PREFIX)) {
                keyed.computeIfAbsent(commandId.toString(), id -> new ArrayList<>()).add(event.sequence());
            }
        }
        keyed.forEach((commandId, sequences) -> jdbc.execute((ConnectionCallback<Integer>) connection -> {
            Array array = connection.createArrayOf("bigint", sequences.toArray());
            try (var insert = connection.prepareStatement(
                    "INSERT INTO command_idempotency (command_id, sequences, recorded_at) VALUES (?, ?, ?)")) {
                insert.setString(1, commandId);
                insert.setArray(2, array);
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                return insert.executeUpdate();
            }
        }));
    }
}
