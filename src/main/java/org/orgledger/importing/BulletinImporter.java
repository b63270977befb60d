package org.orgledger.importing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.orgledger.instrument.api.SupersedeBulletin;
import org.orgledger.platform.Sha256;
import org.orgledger.ledger.RuleViolation;
import org.orgledger.ledger.UnknownTarget;
import org.orgledger.platform.eventstore.LedgerCommandGateway;
import org.orgledger.platform.eventstore.ReadModelBarrier;
import org.orgledger.unit.command.UnitRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a bulletin file: all of it or nothing. The file is checked whole first; then its
 * commands run one after another inside ONE transaction (each command's unit of work joins
 * it), so a rule broken by the fortieth command rolls back the thirty-nine before it. A file
 * imported before (same bytes) appends nothing.
 */
@Component
public class BulletinImporter {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(BulletinImporter.class);

    private final LedgerCommandGateway ledger;
    private final ImportRecords records;
    private final UnitRegistry units;
    private final ReadModelBarrier barrier;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BulletinImporter(LedgerCommandGateway ledger, ImportRecords records, UnitRegistry units, ReadModelBarrier barrier,
                     PlatformTransactionManager transactionManager, Clock clock) {
        this.ledger = ledger;
        this.records = records;
        this.units = units;
        this.barrier = barrier;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public ImportResult importFile(String fileName, byte[] content, String recordedBy) {
        ImportPlan plan = ImportPlan.of(BulletinFileParser.parse(content));
        String sha256 = Sha256.hex(content);
        Optional<ImportResult> earlier = records.find(sha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long started = System.nanoTime();
        List<Long> sequences = transaction.execute(status -> {
            units.preload(plan.unitsChecked());
            List<Long> appended = new ArrayList<>();
            for (ImportPlan.Step step : plan.steps()) {
                appended.addAll(send(step, recordedBy));
            }
            records.record(sha256, plan.instrument(), fileName, content, clock.instant(), recordedBy, appended);
            return appended;
        });
        long recorded = System.nanoTime();
        long last = sequences.isEmpty() ? 0 : sequences.get(sequences.size() - 1);
        barrier.awaitProcessed(last, READ_MODEL_WAIT);
        barrier.awaitProcessed(barrier.head(), READ_MODEL_WAIT);
        // where an import's time goes: the recording transaction, then the read models catching up
        log.info("Imported the file of {} ({} changes): recorded in {} ms, read models caught up {} ms later", plan.instrument(),
                sequences.size(), (recorded - started) / 1_000_000, (System.nanoTime() - recorded) / 1_000_000);
        return new ImportResult(plan.instrument(), true, sequences, clock.instant(),
                sequences.size() + " changes recorded");
    }

    private List<Long> send(ImportPlan.Step step, String recordedBy) {
        try {
            return ledger.submitWithoutWaiting(step.command(), recordedBy);
        } catch (RuleViolation violation) {
            throw refused(step, violation);
        } catch (AggregateNotFoundException notFound) {
            // the command says what it targets: a supersession an instrument, everything else a unit
            Object id = notFound.getAggregateIdentifier();
            throw refused(step, step.command() instanceof SupersedeBulletin ? UnknownTarget.instrument(id)
                    : UnknownTarget.unit(id));
        }
    }

    private static InvalidBulletinFile refused(ImportPlan.Step step, RuleViolation violation) {
        return new InvalidBulletinFile(violation.rule(), List.of(step.position().problem(violation.getMessage())));
    }
}
