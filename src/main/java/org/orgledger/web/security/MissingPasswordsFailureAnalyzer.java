package org.orgledger.web.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing password into Boot's "APPLICATION FAILED TO START" report with what to do. */
class MissingPasswordsFailureAnalyzer extends AbstractFailureAnalyzer<LedgerUsers.MissingPasswords> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LedgerUsers.MissingPasswords cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + String.join(" and ", cause.variables()) + " in the environment (or "
                        + "orgledger.security.registrar-password / orgledger.security.auditor-password). Only the "
                        + "embedded default (no profile, embedded database) falls back to built-in passwords.",
                cause);
    }
}
