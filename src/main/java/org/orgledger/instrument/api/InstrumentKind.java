package org.orgledger.instrument.api;

public enum InstrumentKind {
    BULLETIN, RESOLUTION, OTHER
}
