package org.orgledger.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgledger.web.security.AuthorizationIT.assertRefused;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/** With {@code orgledger.security.reads-require-role}, reading needs a role too; health and the API description stay open. */
@LedgerIntegrationTest
@TestPropertySource(properties = "orgledger.security.reads-require-role=true")
class ClosedReadsIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void an_anonymous_read_is_refused() {
        assertRefused(http.getForEntity("/api/structure?asOf=2002-06-30", JsonNode.class), HttpStatus.UNAUTHORIZED,
                "UNAUTHENTICATED");
    }

    @Test
    void the_auditor_and_the_registrar_read() {
        assertThat(TestUsers.auditor(http).getForEntity("/api/structure?asOf=2002-06-30", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(TestUsers.registrar(http).getForEntity("/api/structure?asOf=2002-06-30", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void health_and_the_api_description_stay_open() {
        assertThat(http.getForEntity("/actuator/health", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/v3/api-docs", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
