package io.jobdrop.pipeline;

import io.jobdrop.store.DeliveryState;
import io.jobdrop.testing.Browser;
import io.jobdrop.testing.NeedsChromium;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in headless Chromium against a running jobdrop (real routes, H2 ledger, the orchestrator double):
 * what a user sees and clicks. Every test fails on any error in the browser console.
 */
@NeedsChromium
class DashboardBrowserTest extends PipelineTestSupport {

    static final String BAD = """
            Name: broken
            Type: batch
            Count: -1
            # <img src=x onerror="window.injected=1"> stays text
            Tasks:
              - Name: main
                Engine:
                  Type: docker
                  Params:
                    Image: ubuntu:24.04
                    Parameters: ["sh", "-c", "echo hi"]
            """;

    private Browser browser;
    /** HTTP error answers a test provokes on purpose (a rejected dry run answers 400). */
    private final Set<Integer> expectedStatuses = new HashSet<>();

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        p.put("jobdrop.api.port", Integer.toString(AvailablePortFinder.getNextAvailable(18150, 18199)));
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(1280, 900);
        }
        return browser;
    }

    private void open(String hash) {
        browser().driver().get("http://127.0.0.1:" + context.resolvePropertyPlaceholders("{{jobdrop.api.port}}")
                + "/" + hash);
    }

    @AfterEach
    void noConsoleErrors(TestInfo test) {
        if (browser != null) {
            try {
                browser.screenshot("DashboardBrowserTest-" + test.getTestMethod().orElseThrow().getName());
                assertThat(browser.consoleErrors(expectedStatuses)).as("browser console errors").isEmpty();
            } finally {
                browser.close();
            }
        }
    }

    private WebElement waitFor(By by) {
        return browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void waitForText(By by, String text) {
        browser().waiting().until(ExpectedConditions.textToBe(by, text));
    }

    private static By stat(String key) {
        return By.cssSelector("[data-stat='" + key + "']");
    }

    @Test
    void overview_counts_files_and_jobs_as_they_come_in_and_shows_the_health_of_each_dependency() {
        browser = new Browser(1280, 1000); // tall enough for the screenshot in docs/ to show the health list
        open("");
        waitForText(stat("files.taken"), "0");

        drop("first.yaml", job("first"));
        drop("second.yaml", job("second"));
        drop("broken.yaml", BAD);

        waitForText(stat("files.taken"), "3");
        waitForText(stat("files.accepted"), "2");
        waitForText(stat("files.rejected"), "1");
        waitForText(stat("jobs.submitted"), "2");
        waitForText(stat("outbox.depth"), "0");
        waitForText(By.cssSelector(".legend [data-series='taken']"), "taken: 3");
        waitForText(By.cssSelector(".legend [data-series='forwarded']"), "forwarded: 2");
        waitForText(By.cssSelector(".legend [data-series='rejected']"), "rejected: 1");
        assertThat(browser().driver().findElements(By.cssSelector("svg.chart polyline"))).hasSize(3);
        for (String check : List.of("ledger", "inbox", "orchestrator")) {
            waitForText(By.cssSelector("[data-check='" + check + "'] .badge"), "UP");
        }
        browser().screenshot("dashboard-overview");

        orchestrator.stop();
        waitForText(By.cssSelector("[data-check='orchestrator'] .badge"), "DOWN");
        assertThat(waitFor(By.cssSelector("[data-check='orchestrator'] .message")).getText())
                .contains("orchestrator unreachable");
    }

    @Test
    void keeps_showing_health_while_the_counts_fail_and_recovers_by_itself() throws Exception {
        expectedStatuses.add(404); // how the stats endpoint answers while its route is stopped
        open("");
        waitForText(stat("files.taken"), "0");

        context.getRouteController().stopRoute("api-stats");

        WebElement failure = waitFor(By.cssSelector("#view p.error[role='alert']"));
        assertThat(failure.getText()).contains("/api/v1/stats");
        assertThat(browser().driver().findElements(stat("files.taken"))).isEmpty();
        waitForText(By.cssSelector("[data-check='ledger'] .badge"), "UP");
        waitFor(By.cssSelector(".legend"));

        context.getRouteController().startRoute("api-stats");
        drop("after-the-outage.yaml", job("after-the-outage"));
        waitForText(stat("files.taken"), "1");
        assertThat(browser().driver().findElements(By.cssSelector("#view p.error"))).isEmpty();
    }

    @Test
    void shows_a_rejected_files_errors_with_line_and_column_and_marks_those_lines_in_its_text() {
        drop("fine.yaml", job("fine"));
        drop("broken.yaml", BAD);
        open("#/files");
        WebElement rejected = waitFor(By.cssSelector("tr[data-verdict='rejected'] a"));
        assertThat(browser().driver().findElement(By.cssSelector("tr[data-verdict='rejected'] .first-error"))
                .getText()).startsWith("3:");

        rejected.click();

        WebElement error = waitFor(By.cssSelector("table.errors tbody tr"));
        assertThat(error.findElements(By.tagName("td")).get(0).getText()).matches("3:\\d+");
        assertThat(error.getText()).contains("Count");
        List<WebElement> marked = browser().driver().findElements(By.cssSelector("table.source tr.marked"));
        assertThat(marked).extracting(r -> r.getAttribute("data-line")).containsExactly("3");
        assertThat(marked.get(0).getText()).contains("Count: -1");
        assertThat(browser().driver().findElement(By.cssSelector("tr.line-error")).getText()).contains("Count");
        // the text is shown as text: the tag in the comment is visible and did not become an element
        assertThat(browser().driver().findElement(By.cssSelector("table.source")).getText())
                .contains("<img src=x onerror=\"window.injected=1\"> stays text");
        assertThat(browser().driver().findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(browser().driver().executeScript("return window.injected === undefined")).isEqualTo(true);
        browser().screenshot("dashboard-rejected-file");

        browser().driver().navigate().back();
        waitFor(By.cssSelector("tr[data-verdict='accepted']"));
        assertThat(browser().driver().getCurrentUrl()).endsWith("#/files");
    }

    @Test
    void replays_a_dead_letter_and_then_all_of_them_by_clicking_only_after_confirmation() {
        orchestrator.rejectNames("refused-1", "refused-2", "refused-3");
        drop("refused-1.yaml", job("refused-1"));
        drop("refused-2.yaml", job("refused-2"));
        drop("refused-3.yaml", job("refused-3"));
        for (String name : List.of("refused-1", "refused-2", "refused-3")) {
            awaitDelivery(name, DeliveryState.DEAD);
        }
        orchestrator.clearFaults();
        open("#/dead");
        WebElement row = waitFor(By.cssSelector("tr[data-job='refused-1']"));
        assertThat(row.findElement(By.cssSelector(".last-error")).getText()).contains("rejected");

        row.findElement(By.cssSelector("button.replay")).click();
        browser().waiting().until(ExpectedConditions.alertIsPresent()).dismiss();
        assertThat(ledgerJob("refused-1").delivery()).isEqualTo(DeliveryState.DEAD);

        waitFor(By.cssSelector("tr[data-job='refused-1'] button.replay")).click();
        browser().waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waitForText(By.cssSelector(".flash"), "Replayed 1 job.");
        awaitDelivery("refused-1", DeliveryState.SUBMITTED);
        assertThat(browser().driver().findElements(By.cssSelector("tr[data-job='refused-1']"))).isEmpty();

        waitFor(By.id("replay-all")).click();
        browser().waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waitForText(By.cssSelector(".flash"), "Replayed 2 jobs.");
        awaitDelivery("refused-2", DeliveryState.SUBMITTED);
        awaitDelivery("refused-3", DeliveryState.SUBMITTED);
        assertThat(orchestrator.createdCount("refused-2")).isEqualTo(1);
    }

    @Test
    void checks_a_pasted_job_file_with_its_errors_marked_then_submits_an_uploaded_one() throws Exception {
        expectedStatuses.add(400); // the rejected dry run
        open("#/submit");
        WebElement text = waitFor(By.id("job-text"));
        browser().driver().executeScript("arguments[0].value = arguments[1]", text, BAD);

        browser().driver().findElement(By.id("check")).click();

        waitFor(By.cssSelector("#verdict [data-verdict='rejected']"));
        assertThat(browser().driver().findElements(By.cssSelector("#verdict tr.marked")))
                .extracting(r -> r.getAttribute("data-line")).containsExactly("3");
        assertThat(intakeUnits()).isZero();

        Path upload = work.resolve("upload.yaml");
        Files.writeString(upload, job("pasted"));
        browser().driver().findElement(By.id("job-upload")).sendKeys(upload.toString());
        browser().waiting().until(d -> job("pasted").equals(text.getDomProperty("value")));
        browser().driver().findElement(By.id("check")).click();
        waitForText(By.cssSelector("#verdict [data-verdict='accepted']"), "accepted (dry run: nothing recorded)");
        assertThat(intakeUnits()).isZero();

        browser().driver().findElement(By.id("submit")).click();
        waitForText(By.cssSelector("#verdict [data-verdict='accepted']"), "accepted");
        waitFor(By.linkText("pasted")).click();
        waitFor(By.xpath("//dt[.='Delivery']"));
        awaitDelivery("pasted", DeliveryState.SUBMITTED);
    }

    @Test
    void finds_a_job_by_part_of_its_name_and_diffs_two_of_its_versions_side_by_side() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + context.resolvePropertyPlaceholders(
                "{{jobdrop.api.port}}"), null);
        assertThat(api.postYaml("/api/v1/jobs", job("nightly-etl", "echo v1")).status()).isEqualTo(201);
        assertThat(api.postYaml("/api/v1/jobs", job("other")).status()).isEqualTo(201);
        awaitDelivery("nightly-etl", DeliveryState.SUBMITTED);
        assertThat(api.postYaml("/api/v1/jobs", job("nightly-etl", "echo v2")).status()).isEqualTo(201);
        awaitDelivery("nightly-etl", DeliveryState.SUBMITTED);
        open("#/jobs");
        waitFor(By.cssSelector("tr[data-job='other']"));

        WebElement search = browser().driver().findElement(By.id("job-search"));
        search.sendKeys("ETL", Keys.ENTER);

        browser().waiting().until(d -> d.findElements(By.cssSelector("tr[data-job='other']")).isEmpty());
        assertThat(browser().driver().getCurrentUrl()).endsWith("#/jobs?q=ETL");
        waitFor(By.cssSelector("tr[data-job='nightly-etl'] a")).click();

        WebElement changed = waitFor(By.cssSelector("table.diff tr.diff-changed"));
        List<WebElement> cells = changed.findElements(By.cssSelector("td.code"));
        assertThat(cells.get(0).getText()).contains("echo v1");
        assertThat(cells.get(1).getText()).contains("echo v2");
        assertThat(browser().driver().findElements(By.cssSelector("table.diff tr.diff-same"))).isNotEmpty();
        String page = browser().driver().findElement(By.id("view")).getText();
        assertThat(page).contains(ledger().show("nightly-etl").orElseThrow().orchestratorJobId());
        assertThat(page).contains("200");

        browser().driver().navigate().back();
        waitFor(By.id("job-search"));
        assertThat(browser().driver().findElement(By.id("job-search")).getAttribute("value")).isEqualTo("ETL");
    }

    @Test
    void reads_on_a_phone_without_sideways_scrolling_of_the_page() {
        drop("broken-on-a-phone-with-a-rather-long-file-name-that-must-wrap.yaml", BAD);
        browser = new Browser(390, 844);
        for (String page : List.of("", "#/files", "#/jobs", "#/dead", "#/submit")) {
            open(page);
            waitFor(By.cssSelector("#view h1"));
            assertThat(pageOverflow()).as(page).isLessThanOrEqualTo(0L);
        }
        open("#/files");
        waitFor(By.cssSelector("tr[data-verdict='rejected'] a")).click();
        waitFor(By.cssSelector("table.source tr.marked"));
        assertThat(pageOverflow()).as("a rejected file's report").isLessThanOrEqualTo(0L);
        browser().screenshot("dashboard-phone-rejected-file");
    }

    /** How far the page is wider than the screen (wide tables scroll inside their own box instead). */
    private long pageOverflow() {
        return (Long) browser().driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    private int intakeUnits() {
        return ledger().pageIntake(null, null, null, 1000).items().size();
    }
}
