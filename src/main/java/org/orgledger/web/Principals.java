package org.orgledger.web;

import java.security.Principal;

public final class Principals {

    static final String ANONYMOUS = "anonymous";

    private Principals() {
    }

    public static String nameOf(Principal principal) {
        return principal == null ? ANONYMOUS : principal.getName();
    }
}
