package io.jobdrop.cli;

import io.jobdrop.app.JobdropConfiguration;
import io.jobdrop.app.LogFormat;
import io.jobdrop.forward.OrchestratorAddress;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jobdrop run}: the service. SIGTERM (and Ctrl-C) drain in-flight work, then exit 0. */
@Command(name = "run", description = "Watch the inbox (and buckets), record every job, forward it to the orchestrator.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--inbox", paramLabel = "DIR", description = "Drop folder (env JOBDROP_INBOX; default ./inbox).")
    String inbox;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Ledger database (env JOBDROP_DB_URL; default H2 file ./data/jobdrop).")
    String db;

    @Option(names = "--orchestrator", paramLabel = "URL", description = "Bacalhau API base URL (env JOBDROP_ORCHESTRATOR_URL, or BACALHAU_API_HOST/PORT; default http://127.0.0.1:1234).")
    String orchestrator;

    @Option(names = "--token", paramLabel = "T", description = "Bearer token for the orchestrator (env JOBDROP_ORCHESTRATOR_TOKEN).")
    String token;

    @Option(names = "--bucket", paramLabel = "NAME[,NAME...]", description = "Also take job files from these S3 buckets (env JOBDROP_S3_BUCKET; an entry may be bucket/prefix/). Credentials: env JOBDROP_S3_ACCESS_KEY/JOBDROP_S3_SECRET_KEY or the AWS default chain.")
    String bucket;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3-compatible store such as MinIO (env JOBDROP_S3_ENDPOINT; default AWS S3).")
    String s3Endpoint;

    @Option(names = "--api-port", paramLabel = "N", description = "Port of jobdrop's own HTTP endpoints, e.g. /observe/health (env JOBDROP_API_PORT; default 8080).")
    Integer apiPort;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("jobdrop.inbox", inbox);
        flags.put("jobdrop.db.url", db);
        flags.put("jobdrop.orchestrator.url", orchestrator);
        flags.put("jobdrop.orchestrator.token", token);
        flags.put("jobdrop.api.port", apiPort == null ? null : apiPort.toString());
        flags.put("jobdrop.s3.bucket", bucket);
        flags.put("jobdrop.s3.endpoint", s3Endpoint);
        Settings settings = Settings.resolve(flags);
        LogFormat.use(settings.get(LogFormat.KEY));

        Main main = new Main();
        main.configure().addConfiguration(JobdropConfiguration.class);
        settings.all().forEach(main::addOverrideProperty);
        main.addOverrideProperty("jobdrop.orchestrator.url",
                OrchestratorAddress.resolve(settings.get("jobdrop.orchestrator.url"), System.getenv()).baseUrl());
        Signal.handle(new Signal("TERM"), signal -> main.completed());
        Signal.handle(new Signal("INT"), signal -> main.completed());
        main.run();
        return main.getExitCode();
    }
}
