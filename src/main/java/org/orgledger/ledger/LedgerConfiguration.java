package org.orgledger.ledger;

import org.axonframework.commandhandling.CommandBus;
import org.orgledger.platform.eventstore.AggregateCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Autowired
    void serializeCommands(CommandBus commandBus, JdbcTemplate jdbc, AggregateCache aggregates) {
        commandBus.registerHandlerInterceptor(new LedgerLockInterceptor(jdbc, aggregates));
    }
}
