package org.orgledger.structure.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The replay of a transition: every change taking effect from {@code from} to {@code to}
 * (both inclusive; null: unbounded) recorded by {@code knownAt}, ordered by effective date,
 * then sequence. Each change is an object with {@code sequence}, {@code type}, {@code unitId}
 * or {@code instrument}, {@code effectiveFrom}, {@code recordedAt}, {@code recordedBy},
 * {@code authority}, the fields of its type, and {@code retracted} (with {@code retractedBy}
 * and {@code retractedAt} when a correction recorded by {@code knownAt} took it back).
 */
public record TimelineView(LocalDate from, LocalDate to, Instant knownAt, List<ObjectNode> changes) {
}
