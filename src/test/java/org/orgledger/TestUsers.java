package org.orgledger;

import org.springframework.boot.test.web.client.TestRestTemplate;

/** The users the test profile configures (application-test.yml): name and password alike. */
public final class TestUsers {

    public static final String REGISTRAR = "registrar";
    public static final String AUDITOR = "auditor";

    private TestUsers() {
    }

    /** Writes need the REGISTRAR role. */
    public static TestRestTemplate registrar(TestRestTemplate http) {
        return http.withBasicAuth(REGISTRAR, REGISTRAR);
    }

    public static TestRestTemplate auditor(TestRestTemplate http) {
        return http.withBasicAuth(AUDITOR, AUDITOR);
    }
}
