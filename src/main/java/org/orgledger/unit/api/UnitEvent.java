package org.orgledger.unit.api;

import java.time.LocalDate;
import org.orgledger.instrument.api.Authority;

/** What every recorded change of a unit carries: the unit, the date it took effect, its authority. */
public interface UnitEvent {

    UnitId unitId();

    LocalDate effectiveFrom();

    Authority authority();
}
