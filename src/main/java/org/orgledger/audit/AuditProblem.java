package org.orgledger.audit;

import org.orgledger.ledger.ProblemCode;
import org.orgledger.ledger.Refusal;

/** A request the audit endpoints cannot answer, with its code from the error catalogue. */
public class AuditProblem extends Refusal {

    /** The audit endpoints' codes; their statuses, titles and meanings are in {@link ProblemCode}. */
    public enum Code {
        UNKNOWN_SEQUENCE(ProblemCode.UNKNOWN_SEQUENCE),
        UNKNOWN_TREE_SIZE(ProblemCode.UNKNOWN_TREE_SIZE),
        UNKNOWN_CHECKPOINT(ProblemCode.UNKNOWN_CHECKPOINT),
        INVALID_TREE_SIZE(ProblemCode.INVALID_TREE_SIZE),
        UNSUPPORTED_FORMAT(ProblemCode.UNSUPPORTED_FORMAT),
        INVALID_LIMIT(ProblemCode.INVALID_LIMIT),
        UNKNOWN_TIMESTAMP(ProblemCode.UNKNOWN_TIMESTAMP);

        private final ProblemCode catalogued;

        Code(ProblemCode catalogued) {
            this.catalogued = catalogued;
        }
    }

    public AuditProblem(Code code, String detail) {
        super(code.catalogued, detail);
    }
}
