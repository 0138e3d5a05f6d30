package io.jobdrop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobdrop.ingest.AcceptedJob;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobFileReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The yardstick: the same durable work per file as jobdrop, written by hand without a framework, in one loop. List
 * the inbox; for each file read it, parse and validate it with jobdrop's own reader, insert a row and commit, PUT the
 * job to the orchestrator with HttpURLConnection, record the answer and commit, rename the file to {@code .done}.
 * Its commits are as durable as jobdrop's ({@link #durable}).
 * What jobdrop spends beyond this is the price of its framework and of its extra guarantees.
 *
 * <p>The batched mode ({@code --batch 100 --workers 4}) is the yardstick for the ledger's group commit: each of the
 * workers (own connection, own share of the files by name) records up to {@code batch} files in one commit, PUTs their
 * jobs, records the answers in one more commit, and only then renames the files. With the defaults (1 and 1) it is the
 * loop above, one file per commit.
 *
 * <p>Usage: {@code Baseline --inbox DIR --db-url URL --db-user U --db-password P --orchestrator URL
 * [--batch N] [--workers N]}. Prints
 * {@value #READY_LINE} once its table exists; exits when its stdin closes.
 */
public final class Baseline {

    public static final String READY_LINE = "baseline ready";

    private static final Pattern JOB_FILE = Pattern.compile("(?i)[^.].*\\.(ya?ml|json)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS baseline_jobs (
                job_id              VARCHAR(64)              NOT NULL PRIMARY KEY,
                namespace           VARCHAR(1000)            NOT NULL,
                name                VARCHAR(1000)            NOT NULL,
                file_name           VARCHAR(1000)            NOT NULL,
                spec_json           TEXT                     NOT NULL,
                state               VARCHAR(16)              NOT NULL,
                orchestrator_job_id VARCHAR(64),
                evaluation_id       VARCHAR(64),
                received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
                submitted_at        TIMESTAMP WITH TIME ZONE
            )""";

    private final Path inbox;
    private final Path done;
    private final Path errors;
    private final Connection db;
    private final URL putJobs;
    private final JobFileReader reader = SpecCheck.reader();
    private final int batch;
    private final int worker;
    private final int workers;

    private Baseline(Path inbox, Connection db, String orchestrator, int batch, int worker, int workers)
            throws IOException {
        this.inbox = inbox;
        this.done = Files.createDirectories(inbox.resolve(".done"));
        this.errors = Files.createDirectories(inbox.resolve(".error"));
        this.db = db;
        this.putJobs = URI.create(orchestrator + "/api/v1/orchestrator/jobs").toURL();
        this.batch = batch;
        this.worker = worker;
        this.workers = workers;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int batch = Integer.parseInt(options.getOrDefault("--batch", "1"));
        int workers = Integer.parseInt(options.getOrDefault("--workers", "1"));
        for (int worker = 0; worker < workers; worker++) {
            Connection db = DriverManager.getConnection(durable(options.get("--db-url")), options.get("--db-user"),
                    options.getOrDefault("--db-password", ""));
            if (worker == 0) {
                try (Statement statement = db.createStatement()) {
                    statement.execute(CREATE_TABLE);
                }
            }
            db.setAutoCommit(false);
            Baseline baseline = new Baseline(Path.of(options.get("--inbox")), db, options.get("--orchestrator"),
                    batch, worker, workers);
            Thread loop = new Thread(baseline::run, "baseline-loop-" + worker);
            loop.setDaemon(true);
            loop.start();
        }
        System.out.println(READY_LINE);
        System.out.flush();
        while (System.in.read() >= 0) {
            // the harness never writes; reading only detects that it went away
        }
        System.exit(0);
    }

    /**
     * The same durability as jobdrop's ledger: on an H2 file, WRITE_DELAY=0, so a commit is in the file before the job
     * file is renamed (H2's default writes commits up to 500 ms later; a killed process would lose jobs whose files
     * had been moved). PostgreSQL commits durably anyway.
     */
    static String durable(String url) {
        return url.startsWith("jdbc:h2:file:") && !url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")
                ? url + ";WRITE_DELAY=0" : url;
    }

    private void run() {
        while (true) {
            List<Path> files = listInbox();
            for (int from = 0; from < files.size(); from += batch) {
                List<Path> chunk = files.subList(from, Math.min(files.size(), from + batch));
                try {
                    take(chunk);
                } catch (IOException | SQLException | RuntimeException e) {
                    // the files stay in the inbox and are tried again on the next round
                    System.err.println("baseline: " + chunk.get(0).getFileName() + " and the rest of its batch: " + e);
                    rollback();
                }
            }
            if (files.isEmpty()) {
                pause();
            }
        }
    }

    /** Records the accepted files' jobs in one commit, sends them, records the answers in one commit, files them. */
    private void take(List<Path> files) throws IOException, SQLException {
        List<Path> accepted = new ArrayList<>();
        List<AcceptedJob> jobs = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            FileVerdict verdict = reader.read(fileName, Files.readAllBytes(file));
            if (!verdict.accepted()) {
                Files.writeString(errors.resolve(fileName + ".error.json"), JSON.writeValueAsString(verdict.errors()));
                Files.move(file, errors.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
                continue;
            }
            for (AcceptedJob job : verdict.jobs()) {
                insert(fileName, job);
                jobs.add(job);
            }
            accepted.add(file);
        }
        db.commit();
        for (AcceptedJob job : jobs) {
            JsonNode answer = put(job.specJson());
            recordSubmission(job.job().id, answer);
        }
        db.commit();
        for (Path file : accepted) {
            Files.move(file, done.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void insert(String fileName, AcceptedJob job) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO baseline_jobs (job_id, namespace, name, "
                + "file_name, spec_json, state, received_at) VALUES (?, ?, ?, ?, ?, 'queued', ?)")) {
            insert.setString(1, job.job().id);
            insert.setString(2, job.job().namespace);
            insert.setString(3, job.job().name);
            insert.setString(4, fileName);
            insert.setString(5, job.specJson());
            insert.setObject(6, OffsetDateTime.now());
            insert.executeUpdate();
        }
    }

    private JsonNode put(String specJson) throws IOException {
        byte[] body = ("{\"Job\":" + specJson + "}").getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = (HttpURLConnection) putJobs.openConnection();
        connection.setRequestMethod("PUT");
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(30_000);
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        if (status != 200) {
            InputStream error = connection.getErrorStream();
            String detail = error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException("orchestrator answered " + status + ": " + detail);
        }
        try (InputStream in = connection.getInputStream()) {
            return JSON.readTree(in);
        }
    }

    private void recordSubmission(String jobId, JsonNode answer) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE baseline_jobs SET state = 'submitted', "
                + "orchestrator_job_id = ?, evaluation_id = ?, submitted_at = ? WHERE job_id = ?")) {
            update.setString(1, answer.path("JobID").asText(null));
            update.setString(2, answer.path("EvaluationID").asText(null));
            update.setObject(3, OffsetDateTime.now());
            update.setString(4, jobId);
            update.executeUpdate();
        }
    }

    private List<Path> listInbox() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox,
                entry -> JOB_FILE.matcher(entry.getFileName().toString()).matches() && Files.isRegularFile(entry))) {
            entries.forEach(entry -> {
                if (workers == 1 || Math.floorMod(entry.getFileName().toString().hashCode(), workers) == worker) {
                    files.add(entry);
                }
            });
        } catch (IOException e) {
            System.err.println("baseline: cannot list " + inbox + ": " + e);
        }
        return files;
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException e) {
            System.err.println("baseline: rollback failed: " + e);
        }
    }

    /** The same idle poll interval as jobdrop's inbox (jobdrop.inbox.poll-ms = 100). */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--inbox", "--db-url", "--db-user", "--orchestrator")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("Baseline needs " + required);
            }
        }
        return options;
    }
}
