package io.jobdrop.testing;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The console checker the dashboard's browser tests rely on: it must see what a page throws or logs as an error. */
@NeedsChromium
class BrowserTest {

    private static String page(String script) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode("<!doctype html><title>t</title><script>" + script
                + "</script>", StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void reports_an_uncaught_exception_and_a_console_error_and_nothing_on_a_clean_page() {
        try (Browser browser = new Browser(800, 600)) {
            browser.driver().get(page("document.title = 'clean'; console.log('fine');"));
            assertThat(browser.consoleErrors(Set.of())).isEmpty();

            browser.driver().get(page("throw new Error('boom from the page')"));
            assertThat(browser.consoleErrors(Set.of())).anySatisfy(e -> assertThat(e).contains("boom from the page"));

            browser.driver().get(page("console.error('logged as an error')"));
            assertThat(browser.consoleErrors(Set.of())).anySatisfy(e -> assertThat(e).contains("logged as an error"));
        }
    }

    @Test
    void reports_an_unhandled_promise_rejection_of_a_module_script() {
        try (Browser browser = new Browser(800, 600)) {
            browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode("<!doctype html><title>t</title>"
                    + "<script type=\"module\">await Promise.reject(new Error('async failure'));</script>",
                    StandardCharsets.UTF_8).replace("+", "%20"));
            browser.waiting().until(d -> !browser.consoleErrors(Set.of()).isEmpty());
            assertThat(browser.consoleErrors(Set.of())).anySatisfy(e -> assertThat(e).contains("async failure"));
        }
    }
}
