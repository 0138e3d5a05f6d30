package io.jobdrop.store;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.intake.TmpfsVolume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An H2 ledger's file, written one commit at a time as jobdrop writes it (WRITE_DELAY=0, no background housekeeping),
 * shrunk to its live data with every row kept; and left alone while another process holds it.
 */
class LedgerCompactionTest {

    private static final int JOBS = 300;

    @TempDir
    Path folder;

    private String url() {
        return url(folder);
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
    }

    private Path file() {
        return folder.resolve("ledger.mv.db");
    }

    /**
     * A ledger of {@link #JOBS} jobs, each recorded in a commit of its own, and closed without H2's part-compaction
     * at close (200 ms by default, which is all a ledger this small needs, and little of a large one).
     */
    private void writeLedger() throws Exception {
        writeLedger(url());
    }

    private static void writeLedger(String url) throws Exception {
        writeLedger(url, 0);
    }

    /** With {@code noise} random characters in each job's image: live data H2's compression cannot shrink. */
    private static void writeLedger(String url, int noise) throws Exception {
        java.util.Random random = new java.util.Random(1);
        try (HikariDataSource pool = LedgerDatabase.open(url + ";MAX_COMPACT_TIME=0", "sa", "")) {
            JobLedger ledger = new JobLedger(pool, Clock.systemUTC(), "test");
            for (int i = 0; i < JOBS; i++) {
                StringBuilder image = new StringBuilder("ubuntu:24.04-");
                random.ints(noise, 'a', 'z' + 1).forEach(c -> image.append((char) c));
                ledger.recordFile(new IntakeClaim("inbox", "job-" + i + ".yaml:1", "job-" + i + ".yaml"),
                        TestJobs.accepted(TestJobs.stamped("default", "job-" + i, image.toString(), Instant.now())));
            }
            ledger.close();
        }
    }

    private static long jobsIn(String url) throws Exception {
        try (HikariDataSource pool = LedgerDatabase.open(url, "sa", "")) {
            return new JobLedger(pool, Clock.systemUTC(), "count").countJobs(null);
        }
    }

    @Test
    void shrinks_a_ledger_written_commit_by_commit_to_its_live_data_and_keeps_every_row() throws Exception {
        writeLedger();
        LedgerCompaction.Occupancy before = LedgerCompaction.occupancy(url(), "sa", "", 0).orElseThrow();
        assertThat(before.wasteful()).as(before.describe()).isTrue();
        long size = Files.size(file());
        assertThat(before.fileBytes()).isCloseTo(size, org.assertj.core.data.Percentage.withPercentage(1));

        LedgerCompaction.Result result = LedgerCompaction.compact(url(), "sa", "");

        assertThat(result.bytesBefore()).isEqualTo(size);
        assertThat(result.bytesAfter()).isEqualTo(Files.size(file())).isLessThan(size / 2);
        assertThat(jobsIn(url())).isEqualTo(JOBS);
        LedgerCompaction.Occupancy after = LedgerCompaction.occupancy(url(), "sa", "", 0).orElseThrow();
        assertThat(after.wasteful()).as(after.describe()).isFalse();
    }

    @Test
    void finds_nothing_to_do_below_the_size_given_or_without_a_file() throws Exception {
        assertThat(LedgerCompaction.occupancy(url(), "sa", "", 0)).isEmpty();
        assertThat(Files.exists(file())).as("no ledger is created by looking").isFalse();
        assertThatThrownBy(() -> LedgerCompaction.compact(url(), "sa", ""))
                .isInstanceOf(LedgerException.class).hasMessageContaining("there is no ledger at");
        writeLedger();
        assertThat(LedgerCompaction.occupancy(url(), "sa", "", Files.size(file()) + 1)).isEmpty();
    }

    @Test
    void refuses_a_database_that_is_not_an_h2_file() {
        assertThat(LedgerCompaction.occupancy("jdbc:postgresql://127.0.0.1:5432/jobdrop", "sa", "", 0)).isEmpty();
        assertThatThrownBy(() -> LedgerCompaction.compact("jdbc:postgresql://127.0.0.1:5432/jobdrop", "sa", ""))
                .isInstanceOf(LedgerException.class).hasMessageContaining("only an embedded H2 ledger");
    }

    @Test
    void leaves_a_ledger_that_another_process_holds_alone() throws Exception {
        writeLedger();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LedgerHolder.class.getName(), url())).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("open");

            assertThat(LedgerCompaction.occupancy(url(), "sa", "", 0)).isEmpty();
            assertThatThrownBy(() -> LedgerCompaction.compact(url(), "sa", ""))
                    .isInstanceOf(LedgerException.class).hasMessageContaining("in use by another process");

            // the holder's database is still up: this process reaches it through its AUTO_SERVER port
            assertThat(jobsIn(url())).isEqualTo(JOBS);
            assertThat(holder.isAlive()).isTrue();
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(holder.exitValue()).isZero();
    }

    @Test
    void leaves_the_ledger_as_it_was_when_its_volume_has_no_room_for_the_compacted_copy() throws Exception {
        TmpfsVolume.assumeMountable();
        writeLedger(url(), 2_000); // 600 KB of live data, far more than the 64 KB left free
        try (TmpfsVolume tmpfs = TmpfsVolume.mount(folder.resolve("volume"), (Files.size(file()) >> 20) + 9 + "m")) {
            Path volume = copyLedgerTo(tmpfs);
            long size = Files.size(volume.resolve("ledger.mv.db"));
            Path filler = tmpfs.fillLeaving(64 * 1024);

            assertThatThrownBy(() -> LedgerCompaction.compact(url(volume), "sa", ""))
                    .isInstanceOf(LedgerException.class).hasMessageContaining("free on its volume for the compacted copy")
                    .hasMessageContaining("the ledger is left as it is");
            assertThat(Files.size(volume.resolve("ledger.mv.db"))).as("not compacted").isGreaterThanOrEqualTo(size);

            // tried all the same (space can also run out while the copy is written): H2 keeps the ledger as it was and
            // reports nothing; what it wrote of the copy, if anything, is not left taking the volume's last bytes
            assertThatThrownBy(() -> LedgerCompaction.compact(url(volume), "sa", "", false))
                    .isInstanceOf(LedgerException.class).hasMessageContaining("failed, most likely for lack of space");
            assertThat(volume.resolve("ledger.mv.db.tempFile")).doesNotExist();

            Files.delete(filler);
            assertThat(jobsIn(url(volume))).isEqualTo(JOBS);
        }
    }

    @Test
    void opens_and_closes_a_wasteful_ledger_on_a_nearly_full_volume_without_filling_it() throws Exception {
        TmpfsVolume.assumeMountable();
        writeLedger(url(), 2_000);
        try (TmpfsVolume tmpfs = TmpfsVolume.mount(folder.resolve("volume"), (Files.size(file()) >> 20) + 5 + "m")) {
            Path volume = copyLedgerTo(tmpfs);
            tmpfs.fillLeaving(2 << 20);
            long room = Files.getFileStore(volume).getUsableSpace();

            // as `run` opens it (the password check opens and closes it once before the pool does), twice
            assertThat(jobsIn(url(volume))).isEqualTo(JOBS);
            assertThat(jobsIn(url(volume))).isEqualTo(JOBS);

            // H2's part-compaction at close moved chunks to the file's end until the volume was full (8 MB of it)
            assertThat(Files.getFileStore(volume).getUsableSpace()).isGreaterThan(room - (256 << 10));
        }
    }

    /** The ledger and its password file, copied onto the volume. */
    private Path copyLedgerTo(TmpfsVolume tmpfs) throws Exception {
        Files.copy(file(), tmpfs.path().resolve("ledger.mv.db"));
        Files.copy(folder.resolve("ledger.password"), tmpfs.path().resolve("ledger.password"));
        return tmpfs.path();
    }

    @Test
    void a_compaction_killed_midway_leaves_the_ledger_whole_and_the_next_one_finishes() throws Exception {
        writeLedger(url(), 100_000); // 30 MB of live data: a copy that takes long enough to be killed in
        Path copy = folder.resolve("ledger.mv.db.tempFile");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process compact = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                io.jobdrop.cli.Jobdrop.class.getName(), "compact", "--db", url()))
                .redirectErrorStream(true).redirectOutput(folder.resolve("compact.log").toFile()).start();
        boolean killedMidway = false;
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (compact.isAlive() && System.nanoTime() < giveUp) {
            if (Files.exists(copy)) {
                compact.destroyForcibly(); // SIGKILL, as kill -9
                killedMidway = true;
                break;
            }
            Thread.sleep(1);
        }
        assertThat(compact.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(killedMidway).as("killed while it wrote the compacted copy; its log: %s",
                Files.readString(folder.resolve("compact.log"))).isTrue();
        assertThat(copy).as("the half-written copy is still there").exists();

        assertThat(jobsIn(url())).as("every job, from the file as it was").isEqualTo(JOBS);
        assertThat(copy).as("H2 deletes the half-written copy as it opens the ledger").doesNotExist();
        long size = Files.size(file());
        LedgerCompaction.Result again = LedgerCompaction.compact(url(), "sa", "");
        assertThat(again.bytesBefore()).isEqualTo(size);
        assertThat(again.bytesAfter()).isLessThan(size);
        assertThat(jobsIn(url())).isEqualTo(JOBS);
    }

    /** Another process with the ledger open, as `jobdrop run` has it, until its stdin closes. */
    public static final class LedgerHolder {
        public static void main(String[] args) throws Exception {
            try (HikariDataSource pool = LedgerDatabase.open(args[0], "sa", "")) {
                new JobLedger(pool, Clock.systemUTC(), "holder").ping();
                System.out.println("open");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the test to close stdin
                }
                new JobLedger(pool, Clock.systemUTC(), "holder").ping();
            }
        }
    }
}
