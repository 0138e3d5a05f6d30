package io.jobdrop.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanSelectionTest {

    @TempDir
    Path inbox;

    private final RetryBackoff backoff = new RetryBackoff(60_000, 60_000);

    @Test
    void chooses_the_oldest_files_in_drop_order_and_sizes_the_next_scan_from_what_waited() throws IOException {
        // written newest first, so the folder's own order is not the drop order
        for (int i = 39; i >= 0; i--) {
            drop((char) ('a' + i % 26) + String.valueOf(i) + ".yaml", 1_000_000L + i * 1_000L);
        }
        drop("same-time-b.yaml", 1_000_000L);
        ScanSelection selection = new ScanSelection(inbox, backoff, 100, 2);

        assertThat(selection.waiting()).as("nothing scanned yet").isZero();
        assertThat(selection.prepare()).isEqualTo(2);
        assertThat(chosen(selection)).containsExactlyInAnyOrder("a0.yaml", "same-time-b.yaml");
        assertThat(selection.waiting()).as("the inbox's backlog, the chosen included").isEqualTo(41);

        assertThat(selection.prepare()).as("a tenth of the 41 that waited").isEqualTo(4);
        assertThat(chosen(selection)).containsExactlyInAnyOrder("a0.yaml", "same-time-b.yaml", "b1.yaml", "c2.yaml");
    }

    @Test
    void a_scan_takes_at_least_the_floor_and_at_most_max_per_poll() throws IOException {
        for (int i = 0; i < 60; i++) {
            drop("f" + i + ".yaml", 1_000_000L + i);
        }
        ScanSelection capped = new ScanSelection(inbox, backoff, 3, 2);
        capped.prepare();
        assertThat(capped.prepare()).isEqualTo(3);

        ScanSelection floored = new ScanSelection(inbox, backoff, 100, 20);
        floored.prepare();
        assertThat(floored.prepare()).as("60 / 10 is under the floor").isEqualTo(20);
        assertThatThrownBy(() -> new ScanSelection(inbox, backoff, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leaves_out_other_names_hidden_files_folders_links_and_files_waiting_out_a_backoff() throws IOException {
        drop("old-but-failing.yaml", 1_000L);
        backoff.failed(inbox.resolve("old-but-failing.yaml").toAbsolutePath().normalize().toString());
        drop(".hidden.yaml", 2_000L);
        drop("notes.txt", 2_000L);
        Files.createDirectory(inbox.resolve("folder.yaml"));
        Files.createSymbolicLink(inbox.resolve("link.yaml"), inbox.resolve("notes.txt"));
        drop("good.json", 5_000L);
        ScanSelection selection = new ScanSelection(inbox, backoff, 100, 1);

        selection.prepare();

        assertThat(chosen(selection)).containsExactly("good.json");
        assertThat(selection.waiting()).as("only due job files count").isEqualTo(1);
    }

    @Test
    void an_inbox_it_cannot_list_leaves_the_choice_to_the_consumer() {
        ScanSelection selection = new ScanSelection(inbox.resolve("missing"), backoff, 100, 2);
        assertThat(selection.prepare()).isEqualTo(2);
        assertThat(selection.chosen("anything.yaml")).isTrue();
        assertThat(selection.waiting()).isZero();
    }

    private void drop(String name, long modifiedMillis) throws IOException {
        Path file = Files.writeString(inbox.resolve(name), "Name: x");
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
    }

    private List<String> chosen(ScanSelection selection) throws IOException {
        try (var files = Files.list(inbox)) {
            return files.map(p -> p.getFileName().toString()).filter(selection::chosen).toList();
        }
    }
}
