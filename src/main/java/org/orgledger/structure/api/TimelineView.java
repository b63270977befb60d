package org.orgledger.structure.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The replay of a transition: every change taking effect from {@code from} to {@code to}
 * (both inclusive; null: unbounded) recorded by {@code knownAt}, ordered by effective date,
 * then sequence; {@code retracted} as a correction recorded by {@code knownAt} left it.
 */
public record TimelineView(LocalDate from, LocalDate to, Instant knownAt, List<ChangeView> changes) {
}
