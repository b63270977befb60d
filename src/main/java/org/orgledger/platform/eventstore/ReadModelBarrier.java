package org.orgledger.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: waits until every tracking processor has committed its progress past a
 * sequence. It reads the committed tokens, not in-memory state, so what it reports is what a
 * query on any connection will see.
 */
@Component
public class ReadModelBarrier {

    private static final Duration POLL = Duration.ofMillis(10);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final ObjectMapper json;
    private final Clock clock;

    ReadModelBarrier(JdbcTemplate jdbc, EventProcessingConfiguration processing, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.json = json;
        this.clock = clock;
    }

    /** @return true when every read model has processed {@code sequence} within {@code timeout} */
    public boolean awaitProcessed(long sequence, Duration timeout) {
        List<String> processors = processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .toList();
        Instant deadline = clock.instant().plus(timeout);
        while (!allPast(processors, sequence)) {
            if (clock.instant().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The latest sequence in the store. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private boolean allPast(List<String> processors, long sequence) {
        Map<String, Boolean> past = new HashMap<>();
        jdbc.query("SELECT processor_name, token FROM token_entry", rs -> {
            String name = rs.getString(1);
            boolean covers = covers(rs.getBytes(2), sequence);
            past.merge(name, covers, Boolean::logicalAnd);
        });
        return processors.stream().allMatch(name -> past.getOrDefault(name, false));
    }

    /** A gap-aware token covers a sequence at or below its index that is not one of its gaps. */
    private boolean covers(byte[] token, long sequence) {
        if (token == null) {
            return false;
        }
        try {
            JsonNode node = json.readTree(token);
            while (node.has("currentToken")) {
                node = node.get("currentToken");
            }
            if (!node.has("index")) {
                return false;
            }
            for (JsonNode gap : node.path("gaps")) {
                if (gap.asLong() == sequence) {
                    return false;
                }
            }
            return node.get("index").asLong() >= sequence;
        } catch (IOException e) {
            return false;
        }
    }
}
