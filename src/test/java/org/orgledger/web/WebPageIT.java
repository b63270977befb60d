package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@LedgerIntegrationTest
class WebPageIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void the_root_serves_the_web_page() {
        ResponseEntity<String> page = http.getForEntity("/", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody())
                .contains("<title>OrgLedger: organizational change ledger</title>")
                .contains("<script type=\"module\" src=\"app.js\"></script>");
    }

    @Test
    void the_page_scripts_are_served_as_javascript_so_that_browsers_run_them_as_modules() {
        for (String script : new String[] {"/app.js", "/api.js", "/dom.js", "/render.js", "/orgchart.js", "/grounds.js", "/proof.js"}) {
            ResponseEntity<String> response = http.getForEntity(script, String.class);

            assertThat(response.getStatusCode()).as(script).isEqualTo(HttpStatus.OK);
            // browsers refuse a module script whose type is not a JavaScript MIME type
            assertThat(response.getHeaders().getContentType().toString()).as(script)
                    .matches("(text|application)/javascript(;.*)?");
        }
        assertThat(http.getForEntity("/app.css", String.class).getHeaders().getContentType().toString())
                .startsWith("text/css");
    }
}
