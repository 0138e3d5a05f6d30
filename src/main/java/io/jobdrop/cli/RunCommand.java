package io.jobdrop.cli;

import io.jobdrop.app.JobdropMain;
import io.jobdrop.app.LogFormat;
import io.jobdrop.app.Settings;
import io.jobdrop.app.Settings.Flag;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jobdrop run}: the service. SIGTERM (and Ctrl-C) drain in-flight work, then exit 0. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
        description = {"Watch the inbox (and buckets), record every job, forward it to the orchestrator.",
                "Each setting is taken from its flag, else -Dkey=value (JOBDROP_JAVA_OPTS), else the environment, "
                        + "else the packaged default (README, Configuration)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by SIGTERM or Ctrl-C", "1:could not start (the message says why)", "2:usage error"})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--inbox", paramLabel = "DIR", description = "Drop folder (env JOBDROP_INBOX; default ./inbox).")
    String inbox;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Ledger database (env JOBDROP_DB_URL; default H2 file ./data/jobdrop). Give a password with --db-password-file or JOBDROP_DB_PASSWORD, not in the URL.")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "File whose first line is the ledger database's password (env JOBDROP_DB_PASSWORD holds the password itself).")
    String dbPasswordFile;

    @Option(names = "--orchestrator", paramLabel = "URL", description = "Bacalhau API base URL (env JOBDROP_ORCHESTRATOR_URL, or BACALHAU_API_HOST/PORT; default http://127.0.0.1:1234).")
    String orchestrator;

    @Option(names = "--token", paramLabel = "T", description = "Bearer token for the orchestrator. Shows in `ps`: prefer --token-file or env JOBDROP_ORCHESTRATOR_TOKEN.")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File whose first line is the orchestrator's bearer token.")
    String tokenFile;

    @Option(names = "--bucket", paramLabel = "NAME[,NAME...]", description = "Also take job files from these S3 buckets (env JOBDROP_S3_BUCKET; an entry may be bucket/prefix/). Credentials: env JOBDROP_S3_ACCESS_KEY/JOBDROP_S3_SECRET_KEY or the AWS default chain.")
    String bucket;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3-compatible store such as MinIO (env JOBDROP_S3_ENDPOINT; default AWS S3).")
    String s3Endpoint;

    @Option(names = "--api-port", paramLabel = "N", description = "Port of jobdrop's own HTTP endpoints, e.g. /observe/health (env JOBDROP_API_PORT; default 8080; 0 = any free port). They listen on jobdrop.api.host, 127.0.0.1 unless set.")
    String apiPort;

    @Option(names = "--take-over-inbox", description = "Start even though the inbox is marked as served by another ledger, and mark it as this ledger's (env JOBDROP_INBOX_TAKE_OVER).")
    boolean takeOverInbox;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.resolve(List.of(
                new Flag("jobdrop.inbox", "--inbox", inbox),
                new Flag("jobdrop.db.url", "--db", db),
                new Flag("jobdrop.db.password-file", "--db-password-file", dbPasswordFile),
                new Flag("jobdrop.orchestrator.url", "--orchestrator", orchestrator),
                new Flag("jobdrop.orchestrator.token", "--token", token),
                new Flag("jobdrop.orchestrator.token-file", "--token-file", tokenFile),
                new Flag("jobdrop.api.port", "--api-port", apiPort),
                new Flag("jobdrop.s3.bucket", "--bucket", bucket),
                new Flag("jobdrop.s3.endpoint", "--s3-endpoint", s3Endpoint),
                new Flag("jobdrop.inbox.take-over", "--take-over-inbox", takeOverInbox ? "true" : null)));
        LogFormat.use(settings.oneOf(LogFormat.KEY, "text", "json"));
        Main main = JobdropMain.create(settings);
        Signal.handle(new Signal("TERM"), signal -> main.completed());
        Signal.handle(new Signal("INT"), signal -> main.completed());
        main.run();
        return main.getExitCode();
    }
}
