package org.orgledger.instrument.command;

import static org.orgledger.ledger.RuleViolation.require;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.BulletinPromulgated;
import org.orgledger.instrument.api.BulletinSuperseded;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.ledger.Rule;
import org.orgledger.ledger.UnknownTarget;
import org.orgledger.platform.transaction.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which instruments exist and when each is in force: what every command checks its cited
 * authority against. Updated by a subscribing handler in the appending transaction.
 */
@Component
@ProcessingGroup(InstrumentRegistry.PROCESSING_GROUP)
public class InstrumentRegistry {

    public static final String PROCESSING_GROUP = "instrument-registry";

    private final JdbcTemplate jdbc;

    InstrumentRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The cited instrument exists and is in force on {@code date}. */
    public void requireInForce(Authority authority, LocalDate date) {
        requireInForce(authority.instrument(), date);
    }

    /**
     * The guard of {@link Rule#INSTRUMENT_NOT_IN_FORCE} (and of {@link Rule#UNKNOWN_INSTRUMENT},
     * through {@link UnknownTarget}): the instrument exists and is in force on {@code date}.
     */
    public void requireInForce(InstrumentSymbol symbol, LocalDate date) {
        InForce instrument = find(symbol).orElseThrow(() -> UnknownTarget.instrument(symbol));
        require(instrument.covers(date), Rule.INSTRUMENT_NOT_IN_FORCE,
                symbol + " is not in force on " + date + " (" + instrument.describe() + ")");
    }

    public boolean exists(InstrumentSymbol symbol) {
        return find(symbol).isPresent();
    }

    /** Within a transaction each instrument is read once (an import cites one instrument thousands of times). */
    public Optional<InForce> find(InstrumentSymbol symbol) {
        return TransactionScoped.get(this, HashMap<String, Optional<InForce>>::new)
                .map(known -> known.computeIfAbsent(symbol.value(), unknown -> read(symbol)))
                .orElseGet(() -> read(symbol));
    }

    private Optional<InForce> read(InstrumentSymbol symbol) {
        List<InForce> rows = jdbc.query(
                "SELECT effective_from, superseded_on FROM instrument_registry WHERE symbol = ?",
                (rs, i) -> new InForce(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)),
                symbol.value());
        return rows.stream().findFirst();
    }

    /** What this transaction read of an instrument it now changes is out of date. */
    private void forget(InstrumentSymbol symbol) {
        TransactionScoped.<Map<String, Optional<InForce>>>find(this).ifPresent(known -> known.remove(symbol.value()));
    }

    @EventHandler
    void on(BulletinPromulgated event) {
        forget(event.symbol());
        jdbc.update("INSERT INTO instrument_registry (symbol, effective_from) VALUES (?, ?)",
                event.symbol().value(), Date.valueOf(event.effectiveFrom()));
    }

    @EventHandler
    void on(BulletinSuperseded event) {
        forget(event.symbol());
        jdbc.update("UPDATE instrument_registry SET superseded_on = ?, superseded_by = ? WHERE symbol = ?",
                Date.valueOf(event.effectiveFrom()), event.supersedingSymbol().value(), event.symbol().value());
    }

    /** An instrument's period in force: from {@code effectiveFrom} until {@code supersededOn} (exclusive). */
    public record InForce(LocalDate effectiveFrom, LocalDate supersededOn) {

        public boolean covers(LocalDate date) {
            return !date.isBefore(effectiveFrom) && (supersededOn == null || date.isBefore(supersededOn));
        }

        String describe() {
            return "in force from " + effectiveFrom + (supersededOn == null ? "" : " until " + supersededOn);
        }
    }
}
