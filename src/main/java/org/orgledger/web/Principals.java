package org.orgledger.web;

import java.security.Principal;

final class Principals {

    static final String ANONYMOUS = "anonymous";

    private Principals() {
    }

    static String nameOf(Principal principal) {
        return principal == null ? ANONYMOUS : principal.getName();
    }
}
