package org.orgledger.ledger;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.springframework.dao.DuplicateKeyException;
import org.orgledger.platform.eventstore.StepAlreadyTaken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A failure of a command-side lookup table (kept by a subscribing handler in the appending
 * transaction) must fail the command. Axon's default for event handlers logs and continues; on
 * PostgreSQL the failed statement has then aborted the transaction, so the events are silently
 * not stored while the command is answered as a success ("acknowledged but not recorded").
 *
 * <p>The tables are keyed like the event store, by unit and change number; since the store's rows
 * are written at commit (decision 0007), their uniqueness speaks first: a second first step of a
 * unit's history is refused here as the store would refuse it, as a concurrent change.
 */
@Configuration(proxyBeanMethods = false)
class CommandSideLookupFailures {

    static final List<String> COMMAND_SIDE_GROUPS = List.of("unit-registry", "instrument-registry");

    @Bean
    static ConfigurerModule commandSideLookupsFailTheCommand() {
        return configurer -> COMMAND_SIDE_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, configuration -> CommandSideLookupFailures::failTheCommand));
    }

    private static void failTheCommand(Exception failure, EventMessage<?> event, EventMessageHandler handler)
            throws Exception {
        if (failure instanceof DuplicateKeyException duplicate) {
            throw StepAlreadyTaken.refusal("the history (" + event.getPayloadType().getSimpleName() + ")", duplicate);
        }
        throw failure;
    }
}
