package org.orgledger.ledger;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.orgledger.platform.eventstore.AggregateCache;
import org.orgledger.platform.transaction.LedgerLock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Serializes command handling across the ledger. Rules that span units (parents in force, no
 * reporting cycles, no abolition with children in force) are checked against lookup tables
 * that other commands update; holding the ledger lock from the first read to the commit makes
 * check-then-append atomic, so two concurrent commands can never both pass a check that only
 * one of them may pass. Runs inside the command's transaction; PostgreSQL releases the lock
 * at commit or rollback. See docs/decisions/0002-serialized-appends.md.
 */
public class LedgerLockInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;
    private final AggregateCache aggregates;

    public LedgerLockInterceptor(JdbcTemplate jdbc, AggregateCache aggregates) {
        this.jdbc = jdbc;
        this.aggregates = aggregates;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        LedgerLock.acquire(jdbc);
        // before any aggregate is loaded: another node may have appended since this one cached it
        aggregates.checkUnderLedgerLock();
        return interceptorChain.proceed();
    }
}
