package org.orgledger.platform.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of a principal, then tells the caller which events it appended
 * and waits (briefly) until the read models show them, so the caller reads its own writes.
 */
@Component
public class LedgerCommandGateway {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final CommandReceipts receipts;
    private final ReadModelBarrier barrier;
    private final IdempotencyKeys keys;

    LedgerCommandGateway(CommandGateway commands, CommandReceipts receipts, ReadModelBarrier barrier,
                         IdempotencyKeys keys) {
        this.commands = commands;
        this.receipts = receipts;
        this.barrier = barrier;
        this.keys = keys;
    }

    /**
     * Sends the command, or, when the request names it with an {@link IdempotencyKeys#HEADER} that
     * an earlier attempt (on any node) already recorded, answers with that attempt's sequences; the key
     * sent with another request is refused ({@link IdempotencyKeyReused}) and nothing is sent.
     */
    public CommandReceipt submit(Object command, String recordedBy) {
        Optional<IdempotencyKeys.KeyedRequest> keyed = keys.ofCurrentRequest(recordedBy);
        List<Long> sequences = keyed.isEmpty() ? send(command, recordedBy)
                : keys.recorded(keyed.get()).orElseGet(() -> sendKeyed(command, recordedBy, keyed.get()));
        long last = sequences.isEmpty() ? 0 : sequences.get(sequences.size() - 1);
        // then whatever processes reacted with (a supersession's endings) is visible too
        boolean visible = sequences.isEmpty()
                || barrier.awaitProcessed(last, READ_MODEL_WAIT) && barrier.awaitProcessed(barrier.head(), READ_MODEL_WAIT);
        return new CommandReceipt(last, sequences, visible);
    }

    /**
     * For senders that run inside an event processor themselves (the supersession process):
     * waiting there for every processor to catch up would wait on itself.
     */
    public List<Long> submitWithoutWaiting(Object command, String recordedBy) {
        return send(command, recordedBy);
    }

    /** A concurrent attempt with the same key that committed first makes this one fail: its receipt is the answer. */
    private List<Long> sendKeyed(Object command, String recordedBy, IdempotencyKeys.KeyedRequest request) {
        keys.sending(request);
        try {
            return send(command, recordedBy, request.commandId());
        } catch (RuntimeException failed) {
            return keys.recorded(request).orElseThrow(() -> failed);
        } finally {
            keys.sent(request);
        }
    }

    private List<Long> send(Object command, String recordedBy) {
        return send(command, recordedBy, UUID.randomUUID().toString());
    }

    private List<Long> send(Object command, String recordedBy, String commandId) {
        MetaData metaData = MetaData.from(Map.of(
                LedgerMetadata.RECORDED_BY, recordedBy,
                LedgerMetadata.COMMAND_ID, commandId));
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (RuntimeException refused) {
            receipts.discard(commandId);
            throw refused;
        }
        return receipts.take(commandId);
    }
}
