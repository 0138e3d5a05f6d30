package io.jobdrop.pipeline;

import io.jobdrop.testing.Browser;
import io.jobdrop.testing.NeedsChromium;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard of a jobdrop with jobdrop.api.token set: no data without the token or with a wrong one, only the
 * prompt and why; with the right one, the data, kept for the browser tab.
 */
@NeedsChromium
class DashboardTokenBrowserTest extends PipelineTestSupport {

    private static final String TOKEN = "dash-s3cret";

    private Browser browser;

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        p.put("jobdrop.api.port", Integer.toString(AvailablePortFinder.getNextAvailable(18150, 18199)));
        p.put("jobdrop.api.token", TOKEN);
    }

    @AfterEach
    void noConsoleErrors() {
        if (browser != null) {
            try {
                // the page's calls without the token or with a wrong one are answered 401 on purpose
                assertThat(browser.consoleErrors(Set.of(401))).as("browser console errors").isEmpty();
            } finally {
                browser.close();
            }
        }
    }

    @Test
    void shows_only_the_token_prompt_until_the_right_token_is_given_then_keeps_it_for_the_tab() {
        drop("secret.yaml", job("secret-job"));
        browser = new Browser(1280, 900);
        String root = "http://127.0.0.1:" + context.resolvePropertyPlaceholders("{{jobdrop.api.port}}") + "/";
        browser.driver().get(root + "#/jobs");

        WebElement error = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getText()).contains("needs its API token");
        assertThat(browser.driver().findElement(By.id("view")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("secret-job");

        browser.driver().findElement(By.id("token")).sendKeys("wrong-token");
        browser.driver().findElement(By.cssSelector("#login-form button")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"),
                "The token was refused"));
        assertThat(browser.driver().findElement(By.id("login-error")).getText())
                .contains("does not match jobdrop.api.token");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-job]"))).isEmpty();
        browser.screenshot("DashboardTokenBrowserTest-refused");

        browser.driver().findElement(By.id("token")).sendKeys(TOKEN);
        browser.driver().findElement(By.cssSelector("#login-form button")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-job='secret-job']")));
        assertThat(browser.driver().findElement(By.id("login")).isDisplayed()).isFalse();

        browser.driver().navigate().refresh();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-job='secret-job']")));
        browser.driver().get(root + "#/");
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("[data-stat='files.taken']"), "1"));
    }
}
