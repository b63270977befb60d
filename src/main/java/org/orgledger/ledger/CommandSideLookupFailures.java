package org.orgledger.ledger;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A failure of a command-side lookup table (kept by a subscribing handler in the appending
 * transaction) must fail the command. Axon's default for event handlers logs and continues; on
 * PostgreSQL the failed statement has then aborted the transaction, so the events are silently
 * not stored while the command is answered as a success ("acknowledged but not recorded").
 */
@Configuration(proxyBeanMethods = false)
class CommandSideLookupFailures {

    static final List<String> COMMAND_SIDE_GROUPS = List.of("unit-registry", "instrument-registry");

    @Bean
    static ConfigurerModule commandSideLookupsFailTheCommand() {
        return configurer -> COMMAND_SIDE_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }
}
