package org.orgledger.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orgledger.LedgerIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The web page in a real Chromium, clicked through as a user would, on the bundled UN-Habitat
 * dataset (loaded on first start, as for a new user). Each view: what it shows, axe-core finds no
 * violation, no console error, and screenshots at 1366×768 and 390×844 in target/screenshots/.
 */
@ExtendWith(Browser.Available.class)
@LedgerIntegrationTest
@TestPropertySource(properties = "orgledger.dataset.load-on-empty=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void startTheBrowser() throws Exception {
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

    static final String ED = "un-habitat/executive-director";
    static final List<String> UNDER_THE_EXECUTIVE_DIRECTOR_IN_BULLETIN_ORDER = List.of(
            "un-habitat/office-of-the-executive-director",                              // 4.1
            "un-habitat/deputy-executive-director",                                     // 5.1
            "un-habitat/programme-support-division",                                    // 6.1
            "un-habitat/shelter-and-sustainable-human-settlements-development-division", // 7.1
            "un-habitat/monitoring-and-research-division",                              // 8.1
            "un-habitat/regional-and-technical-cooperation-division");                  // 9.1

    @Test
    void the_2002_12_01_chart_is_a_diagram_in_bulletin_order_that_fits_one_laptop_screen() throws Exception {
        browser.open("/?view=chart&asOf=2002-12-01");
        browser.waitFor("#chart svg.orgchart-topdown .oc-node");

        assertThat(browser.all("#chart .oc-node")).hasSize(10);
        assertThat(browser.all("#chart .oc-link")).hasSize(9);
        assertThat(browser.js("return [...document.querySelectorAll('#chart .oc-node')]"
                + ".filter(n => arguments[0].includes(n.dataset.unit))"
                + ".sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left).map(n => n.dataset.unit);",
                UNDER_THE_EXECUTIVE_DIRECTOR_IN_BULLETIN_ORDER)).isEqualTo(UNDER_THE_EXECUTIVE_DIRECTOR_IN_BULLETIN_ORDER);
        assertThat(browser.js("return [...document.querySelectorAll('#chart .oc-node')].every(n => {"
                + " const r = n.getBoundingClientRect();"
                + " return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; });"))
                .as("every box of the chart on the first 1366×768 screen, without scrolling").isEqualTo(true);
        assertThat(((Number) browser.js("const svg = document.querySelector('#chart svg');"
                + "return svg.getBoundingClientRect().width / Number(svg.dataset.width);")).doubleValue())
                .as("drawn at a legible scale").isGreaterThan(0.8);
        assertThat(browser.waitFor("#chart .oc-node[data-unit='un-habitat']").getAccessibleName())
                .contains("United Nations Human Settlements Programme").contains("Head: none recorded");
        assertThat(browser.js("return document.getElementById('chart-asOf').type + ' ' + document.getElementById('chart-asOf').value;"))
                .as("an ISO date field, not the browser's local date order").isEqualTo("text 2002-12-01");
        assertThat(browser.axeViolations()).isEmpty();
        browser.screenshot("chart-1366x768");

        browser.viewport(390, 844);
        browser.open("/?view=chart&asOf=2002-12-01");
        browser.waitFor("#chart svg.orgchart-vertical .oc-node");
        assertThat(browser.all("#chart .oc-node")).hasSize(10);
        assertThat(browser.js("return document.documentElement.scrollWidth <= innerWidth;"))
                .as("nothing wider than the phone").isEqualTo(true);
        assertThat(browser.js("return Math.min(...[...document.querySelectorAll('#chart .oc-box')].map(b => b.getBoundingClientRect().width));"))
                .as("the deepest box still wide enough for a line of text").satisfies(w -> assertThat(((Number) w).doubleValue()).isGreaterThan(250));
        assertThat(browser.axeViolations()).isEmpty();
        browser.screenshot("chart-390x844");
    }

    @Test
    void a_subtree_collapses_and_expands() {
        browser.open("/?view=chart&asOf=2002-12-01");
        browser.waitFor("#chart .oc-node");
        browser.driver.findElement(org.openqa.selenium.By.cssSelector("[data-toggle='" + ED + "']")).click();
        browser.waitUntil("collapsed", "document.querySelectorAll('#chart .oc-node').length === 3");
        assertThat(browser.driver.findElement(org.openqa.selenium.By.cssSelector("[data-toggle='" + ED + "']"))
                .getAttribute("aria-expanded")).isEqualTo("false");
        browser.driver.findElement(org.openqa.selenium.By.cssSelector("[data-toggle='" + ED + "']")).click();
        browser.waitUntil("expanded", "document.querySelectorAll('#chart .oc-node').length === 10");
    }

    @Test
    void selecting_a_unit_shows_each_fact_with_the_instrument_and_provision_that_ground_it() throws Exception {
        browser.open("/?view=chart&asOf=2002-06-30");
        browser.waitFor("#chart .oc-node[data-unit='un-habitat']").click();
        browser.waitFor("#unit-panel .fact-name .ground");
        assertThat(browser.waitFor("#unit-panel .fact-name").getText())
                .contains("United Nations Human Settlements Programme (UN-Habitat)")
                .as("the name's own ground, not the establishment's").contains("A/RES/56/206").doesNotContain("A/RES/32/162");
        assertThat(browser.waitFor("#unit-panel .fact-unit").getText()).contains("A/RES/32/162");

        browser.open("/?view=chart&asOf=2002-12-01");
        browser.waitFor("#chart .oc-node[data-unit='un-habitat/monitoring-and-research-division']").click();
        browser.waitFor("#unit-panel .fact-head .ground");
        assertThat(browser.waitFor("#unit-panel .fact-head").getText()).contains("Director").contains("ST/SGB/2002/14, provision 8.1");
        assertThat(browser.waitFor("#unit-panel .fact-parent").getText()).contains("Executive Director").contains("ST/SGB/2002/14, provision 8.1");
        assertThat(browser.waitFor("#unit-panel .fact-alternate").getText()).contains("Secretariat for Urban Affairs").contains("provision 8");
        assertThat(browser.all("#unit-panel .function")).hasSize(9);
        assertThat(browser.all("#unit-panel .function").get(0).getText()).contains("8.2(a)");
        assertThat(browser.all("#unit-panel .mini-history li")).hasSizeGreaterThanOrEqualTo(11);
        assertThat(browser.driver.getCurrentUrl()).contains("unit=un-habitat%2Fmonitoring-and-research-division");
        assertThat(browser.axeViolations()).isEmpty();
        browser.screenshot("chart-unit-1366x768");

        browser.driver.findElement(org.openqa.selenium.By.xpath("//aside[@id='unit-panel']//button[starts-with(., 'Every field')]")).click();
        browser.waitUntil("the full history", "document.querySelectorAll('#history-body tbody tr').length >= 11");
        browser.waitFor("#history-close").click();
        browser.waitUntil("the dialog closed", "!document.getElementById('history-dialog').open");
        assertThat(browser.driver.getCurrentUrl()).as("the unit stays selected").contains("unit=un-habitat%2Fmonitoring-and-research-division");

        browser.viewport(390, 844);
        browser.open("/?view=chart&asOf=2002-12-01&unit=un-habitat/monitoring-and-research-division");
        browser.waitFor("#unit-panel .fact-head .ground");
        browser.js("document.getElementById('unit-panel').scrollIntoView();");
        assertThat(browser.js("return document.documentElement.scrollWidth <= innerWidth;")).isEqualTo(true);
        assertThat(browser.axeViolations()).isEmpty();
        browser.screenshot("chart-unit-390x844");
    }

    @Test
    void the_replay_of_1999_to_2002_tells_the_transition_in_chapters_with_before_and_after() throws Exception {
        browser.open("/?view=replay&from=1999-12-23&to=2002-12-01");
        browser.waitFor("#replay-chapters button.chapter");
        assertThat(texts(browser.all("#replay-chapters .chapter-date")))
                .containsExactly("1999-12-23", "2001-12-21", "2002-01-01", "2002-12-01");
        browser.all("#replay-chapters button.chapter").get(3).click();
        browser.waitUntil("the before and after of 2002-12-01",
                "document.querySelectorAll('#replay-after .oc-node').length === 10"
                        + " && document.querySelectorAll('#replay-before .oc-node').length === 1");
        assertThat(browser.waitFor("#replay-chapter").getText()).contains("2002-12-01").contains("ST/SGB/2002/14");
        assertThat(browser.all("#replay-after .oc-hl-added")).as("the nine units established that day").hasSize(9);
        assertThat(browser.waitFor("#replay-after .oc-node[data-unit='un-habitat']").getAttribute("class")).contains("oc-hl-changed");
        assertThat(browser.waitFor("#replay-after .oc-node[data-unit='un-habitat'] .oc-badge").getText()).isEqualTo("−5 fn");
        assertThat(browser.waitFor("#replay-before .oc-node[data-unit='un-habitat']").getAttribute("class")).contains("oc-hl-removed");
        assertThat(browser.all("#replay-list button.step")).hasSize(100);
        assertThat(browser.all("#replay-list button.step").get(2).getText()).contains("ST/SGB/2002/14").contains("by system");
        assertThat(browser.waitFor("#replay-step").getText()).contains("Recorded by").contains("system").contains("Authority");
        browser.all("#replay-list button.step").get(2).click();
        browser.waitUntil("step 3 of the chapter", "document.querySelector('#replay-chapter .step-count').textContent.startsWith('Step 3 ')");
        assertThat(browser.all("#replay-after .oc-hl-step")).as("the step's unit outlined").hasSize(1);

        String before = browser.waitFor("#replay-chapter .step-count").getText();
        browser.waitFor("#replay-play").click();
        assertThat(browser.waitFor("#replay-play").getAttribute("aria-pressed")).isEqualTo("true");
        browser.waitUntil("the replay advances by itself",
                "document.querySelector('#replay-chapter .step-count').textContent !== " + quote(before));
        browser.waitFor("#replay-play").click();
        assertThat(browser.waitFor("#replay-play").getAttribute("aria-pressed")).isEqualTo("false");

        // playing switched to the state just before and after each step
        assertThat(browser.waitFor("input[name=replay-scope][value=step]").isSelected()).isTrue();
        browser.all("#replay-list button.step").get(2).click();
        browser.waitUntil("just before and after the Secretariat's establishment",
                "document.querySelectorAll('#replay-before .oc-node').length === 1"
                        + " && document.querySelectorAll('#replay-after .oc-node').length === 2");
        assertThat(browser.all("#replay-after .oc-hl-added")).singleElement()
                .satisfies(node -> assertThat(node.getAttribute("data-unit")).isEqualTo("un-habitat/secretariat"));
        browser.waitFor("input[name=replay-scope][value=day]").click();
        browser.waitUntil("the whole day again", "document.querySelectorAll('#replay-after .oc-node').length === 10");
        assertThat(browser.axeViolations()).isEmpty();
        browser.js("document.getElementById('replay-chapter').scrollIntoView();");
        browser.screenshot("replay-1366x768");

        browser.viewport(390, 844);
        browser.open("/?view=replay&from=1999-12-23&to=2002-12-01&step=9");
        browser.waitUntil("the after chart", "document.querySelectorAll('#replay-after .oc-node').length === 10");
        assertThat(browser.js("return document.documentElement.scrollWidth <= innerWidth;")).isEqualTo(true);
        assertThat(browser.axeViolations()).isEmpty();
        browser.screenshot("replay-390x844");
    }

    @Test
    void withdrawn_functions_show_the_instrument_that_ended_them_and_an_error_clears_the_stale_comparison() throws Exception {
        browser.open("/?view=diff&from=2002-06-30&to=2002-12-01");
        browser.waitFor(".ended-by");
        List<String> ended = texts(browser.all(".ended-by"));
        assertThat(ended).hasSize(5).allSatisfy(text -> assertThat(text).contains("ST/SGB/2002/14, provision 11.2"));
        assertThat(browser.axeViolations()).isEmpty();
        browser.screenshot("diff-1366x768");
        browser.viewport(390, 844);
        browser.js("document.querySelector('.ended-by').scrollIntoView();");
        assertThat(browser.js("return document.documentElement.scrollWidth <= innerWidth;")).isEqualTo(true);
        assertThat(browser.axeViolations()).isEmpty();
        browser.screenshot("diff-390x844");
        browser.viewport(1366, 768);

        var from = browser.waitFor("#diff-from");
        from.clear();
        from.sendKeys("2003-01-01");
        browser.waitFor("#diff-form button[type=submit]").click();
        browser.waitFor("#diff-error");
        assertThat(browser.all("#diff .diff-section")).as("no stale comparison under the error").isEmpty();
    }

    @Test
    void a_chart_before_anything_was_recorded_says_the_ledger_knew_nothing_yet() throws Exception {
        browser.open("/?view=chart&asOf=2002-12-01&knownAt=2000-01-01T00:00:00Z");
        assertThat(browser.waitFor("#chart .empty").getText()).contains("knew nothing yet at 2000-01-01T00:00:00Z");
        browser.open("/?view=chart&asOf=1970-01-01");
        assertThat(browser.waitFor("#chart .empty").getText()).isEqualTo("No unit was in force on 1970-01-01.");
        assertThat(browser.js("return document.querySelector('link[rel=icon]').href;")).asString().endsWith("/favicon.svg");
    }

    @Test
    void the_auditor_signs_in_sees_the_chain_verified_pages_and_filters_the_log_and_checks_a_proof_in_the_browser() throws Exception {
        browser.open("/?view=audit");
        browser.waitFor("#audit-password").sendKeys("not-the-password");
        browser.waitFor("#audit-signin button[type=submit]").click();
        assertThat(browser.waitFor("#audit-error").getText()).contains("HTTP 401");
        assertThat(browser.consoleErrors()).as("only the refused sign-in").allSatisfy(e -> assertThat(e).contains("401"));
        assertThat(browser.all("#audit-body")).allSatisfy(body -> assertThat(body.isDisplayed()).isFalse());

        browser.waitFor("#audit-password").clear();
        browser.waitFor("#audit-password").sendKeys("auditor");
        browser.waitFor("#audit-signin button[type=submit]").click();
        assertThat(browser.waitFor("#audit-verdict").getText()).contains("The chain is intact");
        assertThat(Integer.parseInt(browser.waitFor("#audit-events").getText())).isGreaterThan(100);
        assertThat(browser.waitFor("#audit-verify").getText()).contains("Newest signed tree head").contains("Signing key id");
        browser.waitUntil("the first page of the log", "document.querySelectorAll('#audit-log tbody tr').length === 25");
        assertThat(browser.waitFor("#audit-log-status").getText()).startsWith("Page 1: changes #1 to #25");
        assertThat(browser.waitFor("#audit-log tbody tr").getText()).contains("system").contains("Bulletin promulgated");

        browser.waitFor("#audit-next").click();
        browser.waitUntil("the second page", "document.getElementById('audit-log-status').textContent.startsWith('Page 2: changes #26')");
        browser.waitFor("#audit-first").click();
        browser.waitUntil("back to the first page", "document.getElementById('audit-log-status').textContent.startsWith('Page 1:')");

        browser.waitFor("#audit-unitId").sendKeys("un-habitat/monitoring-and-research-division");
        browser.waitFor("#audit-filter button[type=submit]").click();
        browser.waitUntil("the filtered log", "document.getElementById('audit-log-status').textContent.includes('matching the filter')");
        List<String> subjects = texts(browser.all("#audit-log tbody tr td:nth-child(5)"));
        assertThat(subjects).hasSizeGreaterThanOrEqualTo(11).containsOnly("un-habitat/monitoring-and-research-division");

        browser.all("#audit-log tbody button[data-sequence]").get(0).click();
        assertThat(browser.waitFor("#audit-proof-verdict").getText()).contains("is in the log");
        assertThat(browser.waitFor("#audit-signature-verdict").getText()).contains("Ed25519 signature verifies");

        browser.waitFor("#audit-known-a").sendKeys("2000-01-01T00:00:00Z");
        browser.waitFor("#audit-known-b").sendKeys(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        browser.waitFor("#audit-known button[type=submit]").click();
        assertThat(browser.waitFor("#audit-known-summary").getText())
                .contains("On 2002-12-01: 0 units as known at 2000-01-01T00:00:00Z, 10 as known at").contains("10 differences");

        assertThat(browser.axeViolations()).isEmpty();
        browser.js("document.getElementById('audit-proof-title').scrollIntoView();");
        browser.screenshot("audit-1366x768");

        browser.viewport(390, 844);
        browser.js("document.getElementById('audit-title').scrollIntoView();");
        assertThat(browser.js("return document.documentElement.scrollWidth <= innerWidth;")).isEqualTo(true);
        assertThat(browser.axeViolations()).isEmpty();
        browser.screenshot("audit-390x844");
        browser.waitFor("#audit-signout").click();
        assertThat(browser.waitFor("#audit-signin").isDisplayed()).isTrue();
    }

    @Test
    void a_chart_of_two_thousand_units_is_drawn_in_well_under_a_second_or_two() {
        browser.open("/?view=chart&asOf=2002-12-01");
        browser.waitFor("#chart .oc-node");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> drawn = (java.util.Map<String, Object>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/orgchart.js').then((chart) => {
                  const units = [{id: 'root', kind: 'ENTITY', name: {en: 'An organization'}, parentId: null}];
                  for (let d = 0; d < 20; d++) {
                    units.push({id: `d${d}`, kind: 'DIVISION', name: {en: `Division ${d}`}, parentId: 'root', head: {title: {en: 'Director'}}});
                    for (let b = 0; b < 10; b++) {
                      units.push({id: `d${d}b${b}`, kind: 'BRANCH', name: {en: `Branch ${d}.${b}`}, parentId: `d${d}`});
                      for (let s = 0; s < 9; s++) {
                        units.push({id: `d${d}b${b}s${s}`, kind: 'SECTION', name: {en: `Section ${d}.${b}.${s} with a name long enough to wrap`}, parentId: `d${d}b${b}`});
                      }
                    }
                  }
                  const container = document.createElement('div');
                  container.style.cssText = 'width: 1300px; height: 600px; overflow: auto';
                  document.body.append(container);
                  const start = performance.now();
                  const {svg, geometry} = chart.drawChart(units, container, {language: 'en', collapsed: new Set(), label: 'large'});
                  chart.zoomable(container, svg, geometry).zoomIn();
                  const ms = performance.now() - start;
                  const nodes = container.querySelectorAll('.oc-node').length;
                  container.remove();
                  done({units: units.length, nodes, ms});
                }, (error) => done({error: String(error)}));
                """);
        assertThat(drawn).containsEntry("units", 2021L).containsEntry("nodes", 2021L);
        assertThat(((Number) drawn.get("ms")).doubleValue()).as("milliseconds to lay out and draw").isLessThan(2500);
    }

    @Test
    void the_lifelines_show_every_unit_over_the_years_and_an_instrument_opens_the_chart_as_of_its_date() throws Exception {
        browser.open("/?view=lifelines");
        browser.waitFor("#lifelines svg .ll-row");
        assertThat(browser.all("#lifelines .ll-row")).hasSize(10);
        assertThat(browser.waitFor("#lifelines .ll-row[data-unit='un-habitat']").getAttribute("aria-label"))
                .contains("1977-12-19 to today")
                .contains("United Nations Centre for Human Settlements (Habitat) from 1977-12-19")
                .contains("United Nations Human Settlements Programme (UN-Habitat) from 2002-01-01");
        assertThat(texts(browser.all("#lifelines .ll-instrument text")))
                .containsExactlyInAnyOrder("A/RES/32/162", "ST/SGB/1999/22", "A/RES/56/206", "ST/SGB/2002/14");
        assertThat(browser.axeViolations()).isEmpty();
        browser.screenshot("lifelines-1366x768");

        var mark = browser.waitFor("#lifelines .ll-instrument[aria-label^='ST/SGB/1999/22']");
        browser.js("arguments[0].focus();", mark);
        mark.sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.waitFor("#chart .oc-node");
        assertThat(browser.driver.getCurrentUrl()).contains("view=chart").contains("asOf=1999-12-23");
        assertThat(browser.all("#chart .oc-node")).hasSize(1);

        browser.viewport(390, 844);
        browser.open("/?view=lifelines");
        browser.waitFor("#lifelines svg .ll-row");
        assertThat(browser.js("return document.documentElement.scrollWidth <= innerWidth;")).isEqualTo(true);
        assertThat(browser.axeViolations()).isEmpty();
        browser.screenshot("lifelines-390x844");
    }

    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static List<String> texts(List<org.openqa.selenium.WebElement> elements) {
        return elements.stream().map(org.openqa.selenium.WebElement::getText).toList();
    }
}
