package org.orgledger.web.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's two users and where their passwords come from. A password must be configured,
 * except in the embedded default (embedded database, no profile), which falls back to the
 * user's name so that a first start needs nothing, and says so in the log.
 */
final class LedgerUsers {

    static final String REGISTRAR = "registrar";
    static final String AUDITOR = "auditor";
    static final String REGISTRAR_ROLE = "REGISTRAR";
    static final String AUDITOR_ROLE = "AUDITOR";
    static final String REGISTRAR_PASSWORD_VARIABLE = "ORGLEDGER_REGISTRAR_PASSWORD";
    static final String AUDITOR_PASSWORD_VARIABLE = "ORGLEDGER_AUDITOR_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(LedgerUsers.class);

    /** A user, its role and its password in clear (hashed before it is kept, see SecurityConfiguration). */
    record User(String name, String role, String password) {
    }

    private LedgerUsers() {
    }

    /**
     * @param embeddedDefault the database is embedded and no profile is active
     * @throws MissingPasswords when a password is missing outside the embedded default
     */
    static List<User> resolve(LedgerSecurityProperties properties, boolean embeddedDefault) {
        List<Configured> configured = List.of(
                new Configured(REGISTRAR, REGISTRAR_ROLE, properties.registrarPassword(), REGISTRAR_PASSWORD_VARIABLE),
                new Configured(AUDITOR, AUDITOR_ROLE, properties.auditorPassword(), AUDITOR_PASSWORD_VARIABLE));
        List<String> unset = configured.stream().filter(user -> !user.hasPassword()).map(Configured::variable).toList();
        if (!unset.isEmpty() && !embeddedDefault) {
            throw new MissingPasswords(unset);
        }
        if (!unset.isEmpty()) {
            log.warn("{} not set: the embedded default falls back to the password 'registrar' for user registrar "
                    + "and 'auditor' for user auditor where unset; set them before anyone else can reach this service",
                    String.join(" and ", unset));
        }
        return configured.stream()
                .map(user -> new User(user.name(), user.role(), user.hasPassword() ? user.password() : user.name()))
                .toList();
    }

    private record Configured(String name, String role, String password, String variable) {

        boolean hasPassword() {
            return password != null && !password.isBlank();
        }
    }

    /** A password the ledger will not start without. */
    static class MissingPasswords extends RuntimeException {

        private final List<String> variables;

        MissingPasswords(List<String> variables) {
            super("No password is configured for " + String.join(" and ", variables) + "; outside the embedded "
                    + "default (embedded database, no profile) the ledger does not start with built-in passwords");
            this.variables = List.copyOf(variables);
        }

        List<String> variables() {
            return variables;
        }
    }
}
