package org.orgledger.platform.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which events each command appended, so that its caller can be told their sequences. Held in
 * memory only between the append and the caller's {@link #take}: the command runs in this JVM,
 * and a command whose transaction rolls back throws to its caller, which {@link #discard}s.
 */
@Component
public class CommandReceipts {

    private final Map<String, List<Long>> sequences = new ConcurrentHashMap<>();

    void record(AppendedEvent event) {
        Object commandId = event.message().getMetaData().get(LedgerMetadata.COMMAND_ID);
        if (commandId != null) {
            sequences.computeIfAbsent(commandId.toString(), id -> new ArrayList<>()).add(event.sequence());
        }
    }

    /** The sequences the command appended, in order; forgotten afterwards. */
    List<Long> take(String commandId) {
        List<Long> taken = sequences.remove(commandId);
        return taken == null ? List.of() : taken.stream().sorted().toList();
    }

    void discard(String commandId) {
        sequences.remove(commandId);
    }
}
