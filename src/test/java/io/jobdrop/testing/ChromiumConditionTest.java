package io.jobdrop.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Browser tests skip where Chromium is missing, except under CI=true, where they fail. */
class ChromiumConditionTest {

    @Test
    void skips_with_the_missing_path_named_outside_ci_and_fails_under_ci(@TempDir Path dir) {
        Path missing = dir.resolve("chromium");
        Path driver = dir.resolve("chromedriver");

        assertThat(ChromiumCondition.evaluate(missing, driver, null).isDisabled()).isTrue();
        assertThat(ChromiumCondition.evaluate(missing, driver, "false").getReason().orElseThrow())
                .contains(missing.toString()).contains("./test installs");
        assertThatThrownBy(() -> ChromiumCondition.evaluate(missing, driver, "true"))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("CI=true")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void runs_where_both_are_executable() {
        Path sh = Path.of("/bin/sh");
        assertThat(ChromiumCondition.evaluate(sh, sh, "true").isDisabled()).isFalse();
    }
}
