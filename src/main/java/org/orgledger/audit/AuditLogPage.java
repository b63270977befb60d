package org.orgledger.audit;

import java.util.List;

/** A page of the audit log; ask for the next with {@code afterSequence=nextAfterSequence} (null at the end). */
public record AuditLogPage(List<AuditLogEntry> events, Long nextAfterSequence) {
}
