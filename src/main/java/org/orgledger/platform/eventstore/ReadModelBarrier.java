package org.orgledger.platform.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: waits until every tracking processor has committed its progress past a
 * sequence. It reads the committed tokens, not in-memory state, so what it reports is what a
 * query on any connection will see.
 *
 * <p>A processor stores its token at once after a batch it handled, but only about a second
 * later after events it has no handler for; so a processor whose token is behind counts as
 * done when none of the events it has still to pass is of a type it handles. Waiting is woken
 * by this node's processors committing ({@link ProcessorProgress}), with a poll as the bound for
 * processors of other nodes.
 */
@Component
public class ReadModelBarrier {

    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * How far past a processor's token the pending event types are looked up (an index range
     * scan; an imported file of at most 1 MB holds a few thousand events). A processor further behind,
     * as in a rebuild, is simply waited for: its token moves with each batch it handles.
     */
    private static final long LOOK_AHEAD = 5_000;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final ProcessorSegments segments;
    private final ProcessorProgress progress;
    private final Clock clock;
    private final Map<String, Optional<Class<?>>> payloadTypes = new java.util.concurrent.ConcurrentHashMap<>();

    ReadModelBarrier(JdbcTemplate jdbc, EventProcessingConfiguration processing, ProcessorSegments segments,
                     ProcessorProgress progress, Clock clock) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.segments = segments;
        this.progress = progress;
        this.clock = clock;
    }

    /** @return true when every read model has processed {@code sequence} within {@code timeout} */
    public boolean awaitProcessed(long sequence, Duration timeout) {
        Map<String, EventHandlerInvoker> processors = processors();
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            long seen = progress.commits();
            if (allPast(processors, sequence, jdbc)) {
                return true;
            }
            if (clock.instant().isAfter(deadline)) {
                return false;
            }
            try {
                progress.awaitCommitAfter(seen, POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The latest sequence in the store. */
    public long head() {
        return head(jdbc);
    }

    /**
     * Whether every read model of the database {@code on} (the primary, or a streaming replica of
     * it) has processed {@code sequence}: what a query there would see.
     */
    public boolean reflects(long sequence, JdbcTemplate on) {
        // a replica that has not replayed the event yet has no pending event to wait for either
        return head(on) >= sequence && allPast(processors(), sequence, on);
    }

    /**
     * A position of the log that every read model of the database {@code on} has processed: the
     * latest sequence there when they all have, else the lowest position a segment has committed
     * without a gap below it (a lower bound: some read models are further on).
     */
    public long reflectedPosition(JdbcTemplate on) {
        long head = head(on);
        if (reflects(head, on)) {
            return head;
        }
        Map<String, List<ProcessorSegments.SegmentProgress>> progress = segments.read(on);
        if (!progress.keySet().containsAll(processors().keySet())) {
            return 0; // a read model without a token (being rebuilt, or never started) reflects nothing yet
        }
        return progress.values().stream().flatMap(List::stream)
                .mapToLong(segment -> segment.position().coveredPrefix())
                .min().orElse(0);
    }

    private static long head(JdbcTemplate on) {
        Long head = on.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private Map<String, EventHandlerInvoker> processors() {
        Map<String, EventHandlerInvoker> processors = new HashMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor && processor instanceof AbstractEventProcessor handling) {
                processors.put(name, handling.eventHandlerInvoker());
            }
        });
        return processors;
    }

    private boolean allPast(Map<String, EventHandlerInvoker> processors, long sequence, JdbcTemplate on) {
        Map<String, List<ProcessorSegments.SegmentProgress>> progress = segments.read(on);
        for (Map.Entry<String, EventHandlerInvoker> processor : processors.entrySet()) {
            List<ProcessorSegments.SegmentProgress> ofProcessor = progress.getOrDefault(processor.getKey(), List.of());
            if (ofProcessor.isEmpty()) {
                if (handlesAnyPending(processor.getValue(), null, ProcessorSegments.Position.NONE, sequence, on)) {
                    return false;
                }
            }
            for (ProcessorSegments.SegmentProgress segment : ofProcessor) {
                ProcessorSegments.SegmentProgress only = ofProcessor.size() == 1 ? null : segment;
                if (!segment.position().covers(sequence)
                        && handlesAnyPending(processor.getValue(), only, segment.position(), sequence, on)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether an event the segment has not passed yet, up to {@code sequence}, is one it handles:
     * of a type its processor handles and, when the processor is split ({@code segment} not null),
     * of an aggregate in this segment. A segment stores its token late after events that are not its
     * own, as after types it has no handler for.
     */
    private boolean handlesAnyPending(EventHandlerInvoker invoker, ProcessorSegments.SegmentProgress segment,
                                      ProcessorSegments.Position position, long sequence, JdbcTemplate on) {
        if (sequence - position.index() > LOOK_AHEAD) {
            return true;
        }
        String gaps = position.gaps().length == 0 ? ""
                : " OR global_index IN (" + String.join(",", java.util.Arrays.stream(position.gaps())
                        .mapToObj(String::valueOf).toList()) + ")";
        String range = " FROM domain_event_entry WHERE global_index <= ? AND (global_index > ?" + gaps + ")";
        if (segment == null) {
            List<String> types = on.queryForList("SELECT DISTINCT payload_type" + range, String.class, sequence,
                    position.index());
            return types.stream().anyMatch(type -> handlesType(invoker, type));
        }
        List<Map<String, Object>> pending = on.queryForList("SELECT DISTINCT payload_type, aggregate_identifier" + range,
                sequence, position.index());
        return pending.stream().anyMatch(event -> handlesType(invoker, (String) event.get("payload_type"))
                && segment.handlesAggregate((String) event.get("aggregate_identifier")));
    }

    private boolean handlesType(EventHandlerInvoker invoker, String type) {
        return payloadClass(type).map(invoker::canHandleType).orElse(true);
    }

    private Optional<Class<?>> payloadClass(String typeName) {
        return payloadTypes.computeIfAbsent(typeName, name -> {
            try {
                return Optional.of(Class.forName(name, false, getClass().getClassLoader()));
            } catch (ClassNotFoundException unknown) {
                return Optional.empty();
            }
        });
    }
}
