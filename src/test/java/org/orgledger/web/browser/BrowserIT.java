package org.orgledger.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The web page in a real Chromium, clicked through as a user would, on the bundled UN-Habitat
 * dataset (loaded on first start, as for a new user). Each view: what it shows, axe-core finds no
 * violation, no console error, and screenshots at 1366×768 and 390×844 in target/screenshots/.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "orgledger.dataset.load-on-empty=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void startTheBrowser() throws Exception {
        String why = Browser.unavailable();
        assumeTrue(why == null, why);
        // an external database is shared by the suite and is not empty: the dataset would not load
        assumeTrue(TestProfiles.active().length == 1, "Browser tests run on the embedded default only.");
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stopTheBrowser() throws Exception {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void laptop() {
        browser.viewport(1366, 768);
        browser.consoleErrors();
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }

    @Test
    void the_page_opens_on_the_org_chart() throws Exception {
        browser.open("/");
        browser.waitFor("#chart article.unit");
        assertThat(browser.axeViolations()).isEmpty();
        browser.screenshot("smoke-1366x768");
    }

    void both(String name) throws Exception {
        browser.screenshot(name + "-1366x768");
    }

    static List<String> texts(List<org.openqa.selenium.WebElement> elements) {
        return elements.stream().map(org.openqa.selenium.WebElement::getText).toList();
    }
}
