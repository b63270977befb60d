package org.orgledger.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.eventhandling.Segment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The committed progress of every tracking processor, segment by segment, as the shared token
 * store holds it: whichever node owns a segment, this is what the read models' tables reflect
 * (a processor commits its rows and its token together).
 *
 * <p>Which events a segment handles follows Axon's default sequencing policy, which every
 * processor here keeps: an event belongs to the segment matching the hash of its aggregate's
 * identifier, so one unit's (or one instrument's) events are handled in order by one segment.
 */
@Component
public class ProcessorSegments {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ProcessorSegments(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every processor's segments, read with {@code jdbc} (a snapshot's connection, say). */
    public Map<String, List<SegmentProgress>> read(JdbcTemplate on) {
        Map<String, List<Object[]>> rows = new HashMap<>();
        on.query("SELECT processor_name, segment, owner, token, timestamp FROM token_entry", rs -> {
            rows.computeIfAbsent(rs.getString(1), name -> new ArrayList<>())
                    .add(new Object[] {rs.getInt(2), rs.getString(3), rs.getBytes(4), rs.getString(5)});
        });
        Map<String, List<SegmentProgress>> progress = new HashMap<>();
        rows.forEach((processor, segments) -> {
            int[] ids = segments.stream().mapToInt(row -> (Integer) row[0]).toArray();
            progress.put(processor, segments.stream()
                    .map(row -> new SegmentProgress(Segment.computeSegment((Integer) row[0], ids), (String) row[1],
                            position((byte[]) row[2]), Instant.parse((String) row[3])))
                    .toList());
        });
        return progress;
    }

    public Map<String, List<SegmentProgress>> read() {
        return read(jdbc);
    }

    /** A gap-aware token, unwrapped from a replay token if need be; {@link Position#NONE} before the first event. */
    private Position position(byte[] token) {
        if (token == null) {
            return Position.NONE;
        }
        try {
            JsonNode node = json.readTree(token);
            while (node.has("currentToken")) {
                node = node.get("currentToken");
            }
            if (!node.has("index")) {
                return Position.NONE;
            }
            List<Long> gaps = new ArrayList<>();
            node.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
            return new Position(node.get("index").asLong(), gaps.stream().mapToLong(Long::longValue).toArray());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable tracking token", e);
        }
    }

    /**
     * One segment: which events it handles, the node that holds its claim (null: none), how far it
     * has committed, and when its claim was last taken or extended.
     */
    public record SegmentProgress(Segment segment, String owner, Position position, Instant claimed) {

        /** Whether the claim was last extended before {@code instant} (an owner that stopped extending it has died). */
        public boolean claimedBefore(Instant instant) {
            return claimed.isBefore(instant);
        }

        /** Whether this segment handles the events of the aggregate {@code aggregateIdentifier}. */
        public boolean handlesAggregate(String aggregateIdentifier) {
            return segment.matches(Objects.hashCode(aggregateIdentifier));
        }
    }

    /** A token's index and the sequences below it that it has not seen yet (gaps). */
    public record Position(long index, long[] gaps) {

        public static final Position NONE = new Position(-1, new long[0]);

        /** A token covers a sequence at or below its index that is not one of its gaps. */
        public boolean covers(long sequence) {
            return index >= sequence && Arrays.stream(gaps).noneMatch(gap -> gap == sequence);
        }

        /** The highest sequence that this token covers together with every sequence below it (0: none). */
        public long coveredPrefix() {
            return Math.max(0, Math.min(index, Arrays.stream(gaps).map(gap -> gap - 1).min().orElse(index)));
        }
    }
}
