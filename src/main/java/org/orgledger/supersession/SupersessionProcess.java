package org.orgledger.supersession;

import java.util.List;
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

    SupersessionProcess(UnitRegistry units, LedgerCommandGateway ledger) {
        this.units = units;
        this.ledger = ledger;
    }

    @EventHandler
    @DisallowReplay
    void on(BulletinSuperseded event, @MetaDataValue(LedgerMetadata.RECORDED_BY) String recordedBy) {
        List<UnitId> affected = units.deepestFirst(units.citing(event.symbol().value()), event.effectiveFrom());
        String recorder = recordedBy == null ? LedgerMetadata.SYSTEM : recordedBy;
        for (UnitId unit : affected) {
            try {
                ledger.submitWithoutWaiting(new ApplySupersession(unit, event.symbol(), event.effectiveFrom(),
                        event.authority()), recorder);
            } catch (RuleViolation violation) {
                log.info("Supersession of {} on {} leaves {} as it is: {}", event.symbol(), event.effectiveFrom(),
                        unit, violation.getMessage());
            }
        }
    }
}
