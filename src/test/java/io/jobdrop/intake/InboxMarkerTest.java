package io.jobdrop.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxMarkerTest {

    @TempDir
    Path inbox;

    @Test
    void marks_a_fresh_inbox_and_lets_the_same_ledger_in_again() throws Exception {
        InboxMarker.claim(inbox, "ledger-a", "jdbc:postgresql://db:5432/jobs?user=jd&password=secret", false);
        InboxMarker.claim(inbox, "ledger-a", "jdbc:postgresql://db:5432/jobs?user=jd&password=secret", false);

        String mark = Files.readString(inbox.resolve(".jobdrop-ledger"));
        assertThat(mark).contains("ledger=ledger-a").contains("password\\=***").doesNotContain("secret");
        try (var files = Files.list(inbox)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(".jobdrop-ledger");
        }
    }

    @Test
    void refuses_another_ledger_naming_both() {
        InboxMarker.claim(inbox, "ledger-a", "jdbc:h2:file:/srv/one/data/jobdrop", false);

        assertThatThrownBy(() -> InboxMarker.claim(inbox, "ledger-b", "jdbc:h2:file:/srv/two/data/jobdrop", false))
                .isInstanceOf(InboxMarker.ServedByAnotherLedger.class)
                .hasMessageContaining("ledger-a (jdbc:h2:file:/srv/one/data/jobdrop)")
                .hasMessageContaining("ledger-b (jdbc:h2:file:/srv/two/data/jobdrop)")
                .hasMessageContaining("--take-over-inbox");
    }

    @Test
    void takes_the_inbox_over_when_told_to() throws Exception {
        InboxMarker.claim(inbox, "ledger-a", "jdbc:h2:file:/srv/one/data/jobdrop", false);
        InboxMarker.claim(inbox, "ledger-b", "jdbc:h2:file:/srv/two/data/jobdrop", true);

        assertThat(Files.readString(inbox.resolve(".jobdrop-ledger"))).contains("ledger=ledger-b");
        assertThatThrownBy(() -> InboxMarker.claim(inbox, "ledger-a", "jdbc:h2:file:/srv/one/data/jobdrop", false))
                .isInstanceOf(InboxMarker.ServedByAnotherLedger.class);
    }

    @Test
    void shows_a_relative_h2_file_as_the_absolute_path_it_opens_and_hides_credentials() {
        assertThat(InboxMarker.describe("jdbc:h2:file:./data/jobdrop"))
                .isEqualTo("jdbc:h2:file:" + Path.of("data/jobdrop").toAbsolutePath());
        assertThat(InboxMarker.describe("jdbc:postgresql://jd:hunter2@db/jobs")).isEqualTo("jdbc:postgresql://***@db/jobs");
        assertThat(InboxMarker.describe("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }
}
