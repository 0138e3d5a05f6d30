package io.jobdrop.app;

import io.jobdrop.app.Settings.Flag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerUrlTest {

    @TempDir
    Path dir;

    @Test
    void masks_passwords_in_parameters_and_user_info() {
        assertThat(LedgerUrl.display("jdbc:postgresql://db:5432/jobs?user=u&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/jobs?user=u&password=***&ssl=true");
        assertThat(LedgerUrl.display("jdbc:postgresql://u:hunter2@db:5432/jobs"))
                .isEqualTo("jdbc:postgresql://u:***@db:5432/jobs");
    }

    @Test
    void shows_an_h2_file_as_an_absolute_path() {
        assertThat(LedgerUrl.display("jdbc:h2:file:./data/jobdrop;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:" + Path.of("data/jobdrop").toAbsolutePath() + ";MODE=PostgreSQL");
        assertThat(LedgerUrl.display("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void creates_a_missing_h2_folder_and_names_one_it_cannot_create() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        Settings ok = Settings.resolve(List.of(new Flag("jobdrop.db.url", "--db", "jdbc:h2:file:" + dir.resolve("new/x"))),
                Map.of(), new Properties());
        Settings bad = Settings.resolve(List.of(), Map.of("JOBDROP_DB_URL", "jdbc:h2:file:" + blocker.resolve("x")),
                new Properties());

        assertThat(LedgerUrl.checked(ok)).isEqualTo("jdbc:h2:file:" + dir.resolve("new/x"));
        assertThat(dir.resolve("new")).isDirectory();
        assertThatThrownBy(() -> LedgerUrl.checked(bad)).isInstanceOf(SettingException.class)
                .hasMessageStartingWith("jobdrop.db.url: cannot create the folder " + blocker)
                .hasMessageEndingWith("(from environment variable JOBDROP_DB_URL)");
    }
}
