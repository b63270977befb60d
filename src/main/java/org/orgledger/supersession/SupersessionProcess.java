package org.orgledger.supersession;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.orgledger.instrument.api.BulletinSuperseded;
import org.orgledger.ledger.RuleViolation;
import org.orgledger.platform.eventstore.LedgerCommandGateway;
import org.orgledger.platform.eventstore.LedgerMetadata;
import org.orgledger.unit.api.ApplySupersession;
import org.orgledger.unit.api.UnitId;
import org.orgledger.unit.command.UnitRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When an instrument is superseded, every unit whose changes cite it is told so, children
 * before parents (a parent cannot end while a child is in force under it). Each unit ends
 * what only the ceased instrument grounded; see {@link ApplySupersession}. The commands are
 * idempotent, so a crash between two of them is repaired by processing the event again; a
 * replay of history never re-runs the process ({@link DisallowReplay}).
 * See docs/decisions/0005-supersession.md.
 */
@Component
@ProcessingGroup(SupersessionProcess.PROCESSING_GROUP)
class SupersessionProcess {

    static final String PROCESSING_GROUP = "supersession";
    private static final Logger log = LoggerFactory.getLogger(SupersessionProcess.class);

    private final UnitRegistry units;
    private final LedgerCommandGateway ledger;
    /**
     * Commands sent from inside an event handler would join the processor's unit of work and
     * commit only with its token, after the whole batch: a parent's check would not see its
     * child's ending. Each command therefore runs, and commits, on this thread of its own.
     */
    private final ExecutorService commandThread = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "supersession-commands"));

    SupersessionProcess(UnitRegistry units, LedgerCommandGateway ledger) {
        this.units = units;
        this.ledger = ledger;
    }

    @PreDestroy
    void stop() {
        commandThread.shutdown();
    }

    @EventHandler
    @DisallowReplay
    void on(BulletinSuperseded event, @MetaDataValue(LedgerMetadata.RECORDED_BY) String recordedBy) {
        List<UnitId> affected = units.deepestFirst(units.citing(event.symbol().value()), event.effectiveFrom());
        String recorder = recordedBy == null ? LedgerMetadata.SYSTEM : recordedBy;
        for (UnitId unit : affected) {
            ApplySupersession command = new ApplySupersession(unit, event.symbol(), event.effectiveFrom(),
                    event.authority());
            try {
                commandThread.submit(() -> ledger.submitWithoutWaiting(command, recorder)).get();
            } catch (ExecutionException failed) {
                if (!(failed.getCause() instanceof RuleViolation violation)) {
                    throw new IllegalStateException("supersession of " + event.symbol() + " failed at " + unit, failed.getCause());
                }
                log.info("Supersession of {} on {} leaves {} as it is: {}", event.symbol(), event.effectiveFrom(),
                        unit, violation.getMessage());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while applying the supersession of " + event.symbol());
            }
        }
    }
}
