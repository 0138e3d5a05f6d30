package io.jobdrop.pipeline;

import io.jobdrop.testing.BacalhauDouble;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * `jobdrop run` as users start it, in a real process: which setting wins (flag, then -D, then the environment, then
 * the packaged default), judged by the folder the running inbox route really takes files from; and start-up failures
 * that must be one line.
 */
class RunSettingsTest {

    @TempDir
    Path work;

    private final BacalhauDouble orchestrator = BacalhauDouble.started();

    @AfterEach
    void stopOrchestrator() {
        orchestrator.close();
    }

    private Path folder(String name) {
        try {
            return Files.createDirectories(work.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>(Map.of("JOBDROP_INBOX_STABLE_MS", "0", "JOBDROP_INBOX_POLL_MS", "20"));
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    private JobdropProcess jobdrop(List<String> jvmArgs, List<String> runArgs, Map<String, String> env) {
        int port = AvailablePortFinder.getNextAvailable(18700, 18999);
        List<String> args = new java.util.ArrayList<>(List.of("--orchestrator", orchestrator.url()));
        args.addAll(runArgs);
        return new JobdropProcess(jvmArgs, args, env, work.resolve("jobdrop-" + port + ".log"), port, work);
    }

    /** Drops one job into each folder; the one the running route watches takes its file, the others keep theirs. */
    private static void assertTakesFrom(Path watched, Path... ignored) {
        drop(watched, "watched");
        for (Path other : ignored) {
            drop(other, "ignored");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(watched.resolve(".done/watched.yaml")));
        for (Path other : ignored) {
            assertThat(other.resolve("ignored.yaml")).as("not watched: " + other).exists();
        }
    }

    private static void drop(Path inbox, String name) {
        PipelineTestSupport.dropInto(inbox, name + ".yaml", PipelineTestSupport.job(name + "-" + inbox.getFileName()));
    }

    @Test
    void a_flag_beats_system_property_and_environment_for_inbox_and_db() throws Exception {
        Path flag = folder("flag-inbox");
        Path system = folder("system-inbox");
        Path environment = folder("env-inbox");
        try (JobdropProcess jobdrop = jobdrop(
                List.of("-Djobdrop.inbox=" + system, "-Djobdrop.db.url=jdbc:h2:file:" + work.resolve("system-db/ledger")),
                List.of("--inbox", flag.toString(), "--db", "jdbc:h2:file:" + work.resolve("flag-db/ledger")),
                env("JOBDROP_INBOX", environment.toString(),
                        "JOBDROP_DB_URL", "jdbc:h2:file:" + work.resolve("env-db/ledger"))).start()) {
            assertTakesFrom(flag, system, environment);
            assertThat(work.resolve("flag-db/ledger.mv.db")).exists();
            assertThat(work.resolve("system-db")).doesNotExist();
            assertThat(work.resolve("env-db")).doesNotExist();
        }
    }

    @Test
    void a_system_property_beats_the_environment() throws Exception {
        Path system = folder("system-inbox");
        Path environment = folder("env-inbox");
        try (JobdropProcess jobdrop = jobdrop(List.of("-Djobdrop.inbox=" + system), List.of(),
                env("JOBDROP_INBOX", environment.toString())).start()) {
            assertTakesFrom(system, environment);
        }
    }

    @Test
    void the_environment_beats_the_packaged_default() throws Exception {
        Path environment = folder("env-inbox");
        Path packaged = folder("inbox");
        try (JobdropProcess jobdrop = jobdrop(List.of(), List.of(), env("JOBDROP_INBOX", environment.toString())).start()) {
            assertTakesFrom(environment, packaged);
        }
    }

    @Test
    void the_packaged_default_is_inbox_and_data_in_the_working_directory_and_the_start_says_so() throws Exception {
        Path packaged = folder("inbox");
        try (JobdropProcess jobdrop = jobdrop(List.of(), List.of(), env()).start()) {
            assertTakesFrom(packaged);
            assertThat(work.resolve("data/jobdrop.mv.db")).exists();
            String log = jobdrop.logText();
            assertThat(log.lines().filter(line -> line.contains(" uses inbox "))).singleElement().asString()
                    .endsWith("jobdrop dev uses inbox " + packaged + ", ledger jdbc:h2:file:" + work.resolve("data/jobdrop")
                            + ", orchestrator " + orchestrator.url() + ", API http://127.0.0.1:" + portOf(log)
                            + "/observe/health, buckets none");
        }
    }

    private static String portOf(String log) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("API http://127\\.0\\.0\\.1:(\\d+)/").matcher(log);
        assertThat(m.find()).as(log).isTrue();
        return m.group(1);
    }

    @Test
    void a_taken_api_port_stops_the_start_with_one_line_naming_port_and_key() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            JobdropProcess jobdrop = new JobdropProcess(List.of(), List.of("--orchestrator", orchestrator.url()),
                    env(), work.resolve("busy.log"), port, work);

            assertThat(jobdrop.exitCode()).isEqualTo(1);
            assertThat(jobdrop.logText().lines()).containsExactly("jobdrop run: jobdrop.api.port: cannot listen on "
                    + "127.0.0.1:" + port + ": address already in use (port from --api-port); choose another with "
                    + "--api-port or JOBDROP_API_PORT");
        }
    }

    @Test
    void an_orchestrator_url_with_a_bad_scheme_is_one_line() throws Exception {
        JobdropProcess jobdrop = new JobdropProcess(List.of(), List.of("--orchestrator", "htp://bacalhau:1234"), env(),
                work.resolve("scheme.log"), AvailablePortFinder.getNextAvailable(18700, 18999), work);

        assertThat(jobdrop.exitCode()).isEqualTo(1);
        assertThat(jobdrop.logText().lines()).containsExactly("jobdrop run: jobdrop.orchestrator.url: "
                + "\"htp://bacalhau:1234\" must start with http:// or https:// (from --orchestrator)");
    }

    @Test
    void a_bad_number_names_its_key_and_source_without_a_stack_trace() throws Exception {
        JobdropProcess jobdrop = jobdrop(List.of(), List.of(), env("JOBDROP_FORWARD_MAX_ATTEMPTS", "lots"));

        assertThat(jobdrop.exitCode()).isEqualTo(1);
        assertThat(jobdrop.logText()).contains("jobdrop run: jobdrop.forward.max-attempts: \"lots\" is not a number "
                + "(from environment variable JOBDROP_FORWARD_MAX_ATTEMPTS)").doesNotContain("\tat ");
    }

    @Test
    void the_api_listens_on_loopback_unless_jobdrop_api_host_says_otherwise() throws Exception {
        Optional<InetAddress> lan = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
        assumeThat(lan).as("a non-loopback IPv4 address to try the API on").isPresent();
        folder("inbox");
        int port;
        try (JobdropProcess jobdrop = jobdrop(List.of(), List.of(), env()).start()) {
            port = Integer.parseInt(portOf(jobdrop.logText()));
            assertThatThrownBy(() -> connect(lan.get(), port)).isInstanceOf(IOException.class);
        }
        try (JobdropProcess jobdrop = jobdrop(List.of("-Djobdrop.api.host=0.0.0.0"), List.of(), env()).start()) {
            int everywhere = Integer.parseInt(jobdrop.logText().replaceAll("(?s).*API http://0\\.0\\.0\\.0:(\\d+)/.*", "$1"));
            connect(lan.get(), everywhere);
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }
}
