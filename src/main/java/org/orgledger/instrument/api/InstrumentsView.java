package org.orgledger.instrument.api;

import java.util.List;

/** Every recorded instrument, in the order they took effect. */
public record InstrumentsView(List<InstrumentView> instruments) {
}
