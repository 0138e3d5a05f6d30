package io.jobdrop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as users meet it: help everywhere, one-line errors with exit codes 2 (usage) and 1 (run time). */
class CommandLineTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run jobdrop(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Jobdrop.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("data/jobdrop");
    }

    private String ledgerWith(String name) throws Exception {
        return TestLedgers.withJobs(db(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "jobs", "show", "replay", "compact", "prepare", "help"})
    void every_command_takes_help(String command) {
        Run run = jobdrop(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: jobdrop " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "jobs", "show", "replay", "compact", "prepare"})
    void every_command_says_its_version(String command) {
        Run run = jobdrop(command, "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).startsWith("jobdrop ");
    }

    @Test
    void help_names_a_command_and_the_list_includes_prepare() {
        Run help = jobdrop("help", "jobs");
        Run list = jobdrop("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: jobdrop jobs").contains("--state");
        assertThat(list.out()).contains("  prepare ").contains("  help ").contains("  run ");
    }

    @Test
    void run_help_says_how_to_keep_secrets_out_of_ps() {
        String help = jobdrop("run", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("--token-file=FILE").contains("prefer --token-file or env JOBDROP_ORCHESTRATOR_TOKEN")
                .contains("--db-password-file=FILE");
    }

    @Test
    void an_unknown_state_is_a_one_line_usage_error() {
        Run run = jobdrop("jobs", "--db", db(), "--state", "failed");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "jobdrop jobs: --state must be queued, submitted or dead, not 'failed' (see 'jobdrop jobs --help')");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_limit_below_one_is_a_one_line_usage_error() {
        Run run = jobdrop("jobs", "--db", db(), "--limit", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "jobdrop jobs: --limit must be at least 1, not 0 (see 'jobdrop jobs --help')");
    }

    @Test
    void an_unknown_option_is_one_line_and_exit_code_two() {
        Run run = jobdrop("jobs", "--colour");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("jobdrop jobs: Unknown option: '--colour'");
    }

    @Test
    void no_command_is_a_usage_error_naming_the_commands() {
        Run run = jobdrop();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("jobdrop: a command is needed: run, validate, jobs, show, replay,"
                + " compact, prepare or help (see 'jobdrop --help')");
    }

    @Test
    void a_malformed_var_is_a_one_line_usage_error() throws IOException {
        Path job = Files.writeString(dir.resolve("job.yaml"), "Name: x\n");
        Run run = jobdrop("validate", "--var", "novalue", job.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "jobdrop validate: --var novalue must be formatted as key=value (see 'jobdrop validate --help')");
    }

    @Test
    void showing_a_missing_job_is_one_line_with_a_hint() throws Exception {
        Run run = jobdrop("show", "--db", ledgerWith("present"), "nosuch");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("jobdrop show: no job with ID or name nosuch, and no inbox file of that name - `jobdrop jobs` lists them");
    }

    @Test
    void compacting_says_what_it_did_and_keeps_the_jobs() throws Exception {
        String db = ledgerWith("kept");

        Run run = jobdrop("compact", "--db", db);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).matches("compacted .*data/jobdrop: [\\d.]+ MB -> [\\d.]+ MB in [\\d.]+ s");
        assertThat(jobdrop("jobs", "--db", db).out()).contains("kept");
    }

    @Test
    void compacting_what_is_not_an_h2_ledger_is_one_line() {
        Run missing = jobdrop("compact", "--db", db());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().lines()).singleElement().asString().startsWith("jobdrop compact: there is no ledger at");

        Run postgres = jobdrop("compact", "--db", "jdbc:postgresql://127.0.0.1:5432/jobdrop");
        assertThat(postgres.exitCode()).isEqualTo(1);
        assertThat(postgres.err()).contains("only an embedded H2 ledger").contains("autovacuum");
    }

    @Test
    void replaying_a_missing_job_is_one_line_with_a_hint() throws Exception {
        Run run = jobdrop("replay", "--db", ledgerWith("present"), "nosuch");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly(
                "jobdrop replay: no job with ID or name 'nosuch' - `jobdrop jobs` lists the jobs");
    }

    @Test
    void replaying_a_job_that_is_not_dead_says_so() throws Exception {
        Run run = jobdrop("replay", "--db", ledgerWith("present"), "present");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("present is not a dead letter - `jobdrop jobs --state dead` lists them");
    }

    @Test
    void an_unwritable_db_is_one_line_naming_the_key_and_flag_without_a_stack_trace() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Run run = jobdrop("jobs", "--db", "jdbc:h2:file:" + file.resolve("ledger"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("jobdrop jobs: jobdrop.db.url: cannot create the folder " + file
                + " (FileAlreadyExistsException) for the H2 ledger jdbc:h2:file:" + file.resolve("ledger") + " (from --db)");
    }

    @Test
    void an_unreachable_database_is_one_line_with_a_hint() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = jobdrop("jobs", "--db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/test?connectTimeout=2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .startsWith("jobdrop jobs: cannot connect to the ledger at jdbc:postgresql://127.0.0.1:" + closedPort)
                .endsWith("check --db (or JOBDROP_DB_URL), and that the database is running and reachable");
    }

    @Test
    void verbose_adds_the_stack_trace() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Run run = jobdrop("jobs", "--verbose", "--db", "jdbc:h2:file:" + file.resolve("ledger"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("io.jobdrop.app.SettingException").contains("\tat io.jobdrop.");
    }

    @Test
    void jobs_names_the_ledger_it_opened_when_that_holds_no_jobs() {
        Run run = jobdrop("jobs", "--db", db());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("jobdrop jobs: the ledger jdbc:h2:file:" + dir.resolve("data/jobdrop")
                + " holds no jobs");
    }

    @Test
    void show_and_replay_name_the_ledger_they_opened_when_it_holds_no_jobs() {
        Run show = jobdrop("show", "--db", db(), "anything");
        Run replay = jobdrop("replay", "--db", db(), "--dead");

        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.err()).contains("no job with ID or name anything, and no inbox file of that name - the ledger jdbc:h2:file:"
                + dir.resolve("data/jobdrop") + " holds no jobs");
        assertThat(replay.exitCode()).isZero();
        assertThat(replay.err()).contains("nothing to replay - the ledger jdbc:h2:file:" + dir.resolve("data/jobdrop"));
    }

    @Test
    void jobs_says_nothing_extra_when_the_ledger_has_jobs() throws Exception {
        Run run = jobdrop("jobs", "--db", ledgerWith("present"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("present");
    }
}
