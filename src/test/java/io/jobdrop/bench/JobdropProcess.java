package io.jobdrop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code jobdrop run} under measurement: a fresh inbox and database, configured only through its documented
 * JOBDROP_* environment variables, pointed at the stand-in.
 */
final class JobdropProcess implements AutoCloseable {

    /**
     * How jobdrop is started: as users start it, through the launcher with a built jar
     * ({@code JOBDROP_JAR=jar ./jobdrop run}: its JVM flags and start-up archive), or from a classpath with the
     * launcher's flags (inside Maven's test run). {@code extraFlags} go where JOBDROP_JAVA_OPTS goes; {@code settings}
     * are JOBDROP_* variables every jobdrop process gets.
     */
    record Launch(Path launcher, Path jar, String classpath, List<String> extraFlags, Map<String, String> settings) {

        static final String MAIN_CLASS = "io.jobdrop.cli.Jobdrop";

        List<String> command() {
            if (jar != null) {
                return List.of(launcher.toString(), "run");
            }
            List<String> flags = new ArrayList<>(Bench.LAUNCHER_RUN_FLAGS);
            flags.addAll(extraFlags);
            return JavaCommand.mainClass(flags, classpath, MAIN_CLASS, List.of("run"));
        }

        Map<String, String> environment() {
            Map<String, String> environment = new HashMap<>(settings);
            if (jar != null) {
                environment.put("JOBDROP_JAR", jar.toString());
                environment.put("JOBDROP_JAVA_OPTS", String.join(" ", extraFlags));
            }
            return environment;
        }

        String describe() {
            String opts = extraFlags.isEmpty() ? "" : "JOBDROP_JAVA_OPTS='" + String.join(" ", extraFlags) + "' ";
            return jar != null ? "JOBDROP_JAR=" + jar + " " + opts + launcher + " run"
                    : "java " + String.join(" ", Bench.LAUNCHER_RUN_FLAGS) + " " + String.join(" ", extraFlags)
                    + " -cp <classpath> " + MAIN_CLASS + " run";
        }
    }

    private final Child child;
    private final Path inbox;
    private final int apiPort;

    private JobdropProcess(Child child, Path inbox, int apiPort) {
        this.child = child;
        this.inbox = inbox;
        this.apiPort = apiPort;
    }

    static JobdropProcess start(String label, Launch launch, Path home, BenchDatabase.Target db, String orchestratorUrl,
                                long stableMs) {
        return start(label, launch, home, home.resolve("inbox"), db, orchestratorUrl, stableMs, Map.of());
    }

    /** With an inbox of the caller's (several instances share one) and more JOBDROP_* settings. */
    static JobdropProcess start(String label, Launch launch, Path home, Path inboxFolder, BenchDatabase.Target db,
                                String orchestratorUrl, long stableMs, Map<String, String> settings) {
        try {
            Files.createDirectories(home);
            Path inbox = Files.createDirectories(inboxFolder);
            int apiPort = freePort();
            Map<String, String> environment = new HashMap<>(launch.environment());
            environment.putAll(settings);
            environment.putAll(Map.of(
                    "JOBDROP_INBOX", inbox.toString(),
                    "JOBDROP_INBOX_STABLE_MS", Long.toString(stableMs),
                    "JOBDROP_DB_URL", db.url(),
                    "JOBDROP_DB_USER", db.user(),
                    "JOBDROP_DB_PASSWORD", db.password(),
                    "JOBDROP_ORCHESTRATOR_URL", orchestratorUrl,
                    "JOBDROP_API_PORT", Integer.toString(apiPort)));
            Child child = Child.start(label, launch.command(), environment, List.of("JOBDROP_", "BACALHAU_"), home,
                    home.resolve(label + ".log"));
            return new JobdropProcess(child, inbox, apiPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Milliseconds from process start until {@code /observe/health} answers 200. */
    long awaitHealthy(Duration timeout) {
        URI health = URI.create("http://127.0.0.1:" + apiPort + "/observe/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (answers200(health)) {
                return child.elapsedMs();
            }
            if (!child.isAlive()) {
                throw new BenchFailure(child.label() + " " + child.state() + " before it was healthy; "
                        + child.tail());
            }
            Child.pause(10);
        }
        throw new BenchFailure(child.label() + " was not healthy within " + timeout.toSeconds() + " s; "
                + child.tail());
    }

    Path inbox() {
        return inbox;
    }

    /** Where job files are posted: {@code POST /api/v1/jobs}. */
    URI jobsUri() {
        return URI.create("http://127.0.0.1:" + apiPort + "/api/v1/jobs");
    }

    Child child() {
        return child;
    }

    ProcStats stats() {
        return child.stats();
    }

    /** SIGTERM (jobdrop drains in-flight work and exits 0), SIGKILL after 30 s; the exit code. */
    int stop() {
        return child.stop(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        child.close();
    }

    private static boolean answers200(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(200);
            connection.setReadTimeout(2_000);
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            if (body != null) {
                try (body) {
                    body.readAllBytes();
                }
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
