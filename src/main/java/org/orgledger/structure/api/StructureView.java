package org.orgledger.structure.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every unit in force on {@code asOf}, as the ledger knew it at {@code knownAt}; parents before children. */
public record StructureView(LocalDate asOf, Instant knownAt, List<UnitView> units) {
}
