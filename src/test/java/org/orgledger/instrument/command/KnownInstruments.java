package org.orgledger.instrument.command;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Optional;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;

/**
 * An {@link InstrumentRegistry} for fixture tests: the instruments' periods in force are
 * stubbed, the checks against them ({@code requireInForce}, {@code exists}) are the real ones.
 */
public final class KnownInstruments {

    private final InstrumentRegistry registry = mock(InstrumentRegistry.class);

    public KnownInstruments() {
        when(registry.find(any())).thenReturn(Optional.empty());
        when(registry.exists(any())).thenCallRealMethod();
        doCallRealMethod().when(registry).requireInForce(any(Authority.class), any());
        doCallRealMethod().when(registry).requireInForce(any(InstrumentSymbol.class), any());
    }

    public KnownInstruments inForce(Authority authority, LocalDate from) {
        return inForce(authority.instrument(), from, null);
    }

    public KnownInstruments inForce(InstrumentSymbol symbol, LocalDate from, LocalDate supersededOn) {
        when(registry.find(symbol)).thenReturn(Optional.of(new InstrumentRegistry.InForce(from, supersededOn)));
        return this;
    }

    public InstrumentRegistry registry() {
        return registry;
    }
}
