package io.jobdrop.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxFilerTest {

    @TempDir
    Path inbox;

    @Test
    void keeps_both_files_when_the_same_name_is_filed_twice() throws Exception {
        InboxFiler filer = new InboxFiler(inbox);
        Path first = Files.writeString(inbox.resolve("job.yaml"), "first");
        assertThat(filer.file(first, ".done", null)).contains(".done/job.yaml");
        Path second = Files.writeString(inbox.resolve("job.yaml"), "second");
        assertThat(filer.file(second, ".done", null)).contains(".done/job.1.yaml");

        assertThat(Files.readString(inbox.resolve(".done/job.yaml"))).isEqualTo("first");
        assertThat(Files.readString(inbox.resolve(".done/job.1.yaml"))).isEqualTo("second");
        assertThat(Files.exists(inbox.resolve("job.yaml"))).isFalse();
    }

    @Test
    void writes_the_report_beside_the_file_under_the_name_it_was_filed_as() throws Exception {
        InboxFiler filer = new InboxFiler(inbox);
        Files.createDirectories(inbox.resolve(".error"));
        Files.writeString(inbox.resolve(".error/bad.yaml"), "an earlier bad.yaml");
        Path bad = Files.writeString(inbox.resolve("bad.yaml"), "Name: x");

        assertThat(filer.file(bad, ".error", "{\"verdict\":\"rejected\"}")).contains(".error/bad.1.yaml");
        assertThat(names(inbox.resolve(".error"))).containsExactly("bad.1.yaml", "bad.1.yaml.error.json", "bad.yaml");
        assertThat(Files.readString(inbox.resolve(".error/bad.1.yaml.error.json"))).isEqualTo("{\"verdict\":\"rejected\"}");
    }

    @Test
    void files_a_255_byte_name_with_a_report_name_that_fits() throws Exception {
        InboxFiler filer = new InboxFiler(inbox);
        String name = "n".repeat(250) + ".yaml";
        Path bad = Files.writeString(inbox.resolve(name), "Name: x");

        assertThat(filer.file(bad, ".error", "{}")).contains(".error/" + name);
        assertThat(names(inbox.resolve(".error"))).hasSize(2).allMatch(n -> n.getBytes(StandardCharsets.UTF_8).length <= 255)
                .anyMatch(n -> n.endsWith(".error.json"));
    }

    @Test
    void leaves_a_file_another_filer_took_to_it_and_never_files_it_twice() throws Exception {
        // two instances filing the same files at the same moment, as two `run`s that both recorded them would
        for (int round = 0; round < 200; round++) {
            Path source = Files.writeString(inbox.resolve("race-" + round + ".yaml"), "race " + round);
            CyclicBarrier start = new CyclicBarrier(2);
            ConcurrentLinkedQueue<Optional<String>> placed = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                InboxFiler filer = new InboxFiler(inbox);
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        placed.add(filer.file(source, ".done", null));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(placed).hasSize(2);
            assertThat(placed.stream().filter(Optional::isPresent)).as("round " + round).hasSizeLessThanOrEqualTo(1);
        }
        List<String> done = names(inbox.resolve(".done"));
        assertThat(done).hasSize(200).allMatch(n -> n.matches("race-\\d+\\.yaml"));
        assertThat(names(inbox)).containsExactly(".done");
    }

    @Test
    void leaves_a_new_file_of_the_same_name_alone_when_the_recorded_one_was_filed_by_another_instance() throws Exception {
        Path source = Files.writeString(inbox.resolve("again.yaml"), "recorded");
        Object recordedKey = Files.readAttributes(source, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Files.createDirectories(inbox.resolve(".done"));
        Files.move(source, inbox.resolve(".done/again.yaml")); // the other instance filed it ...
        Files.writeString(inbox.resolve("again.yaml"), "dropped again, not yet recorded"); // ... and a new one came

        assertThat(new InboxFiler(inbox).file(source, ".done", null, recordedKey)).isEmpty();
        assertThat(names(inbox.resolve(".done"))).containsExactly("again.yaml");
        assertThat(Files.readString(inbox.resolve("again.yaml"))).isEqualTo("dropped again, not yet recorded");
    }

    @Test
    void finishes_a_filing_that_a_crash_cut_short_between_link_and_unlink() throws Exception {
        Path source = Files.writeString(inbox.resolve("cut.yaml"), "cut");
        Files.createDirectories(inbox.resolve(".done"));
        Files.createLink(inbox.resolve(".done/cut.yaml"), source); // linked, then the process died

        assertThat(new InboxFiler(inbox).file(source, ".done", null)).isEmpty();
        assertThat(names(inbox.resolve(".done"))).containsExactly("cut.yaml");
        assertThat(names(inbox)).containsExactly(".done");
    }

    @Test
    void leaves_the_file_in_the_inbox_without_a_report_when_the_volume_is_full() throws Exception {
        TmpfsVolume.assumeMountable();
        try (TmpfsVolume volume = TmpfsVolume.mount(inbox.resolve("volume"), "256k")) {
            Path small = volume.path();
            InboxFiler filer = new InboxFiler(small);
            Files.createDirectories(small.resolve(".error"));
            Path bad = Files.writeString(small.resolve("bad.yaml"), "Name: x");
            Path filler = volume.fill();

            assertThatThrownBy(() -> filer.file(bad, ".error", "{\"report\":\"" + "x".repeat(20_000) + "\"}"))
                    .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
            assertThat(names(small)).containsExactlyInAnyOrder(".error", "bad.yaml", filler.getFileName().toString());
            assertThat(names(small.resolve(".error"))).as("no truncated report, no temporary left").isEmpty();

            Files.delete(filler);
            assertThat(filer.file(bad, ".error", "{\"report\":\"complete\"}")).contains(".error/bad.yaml");
            assertThat(Files.readString(small.resolve(".error/bad.yaml.error.json"))).isEqualTo("{\"report\":\"complete\"}");
        }
    }

    static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
