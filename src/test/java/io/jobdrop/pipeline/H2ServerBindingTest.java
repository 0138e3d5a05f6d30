package io.jobdrop.pipeline;

import io.jobdrop.cli.Jobdrop;
import io.jobdrop.testing.BacalhauDouble;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The default H2 ledger's server (AUTO_SERVER) as `jobdrop run` opens it: loopback only, with a password. */
class H2ServerBindingTest {

    @TempDir
    Path work;

    private final BacalhauDouble orchestrator = BacalhauDouble.started();

    @AfterEach
    void stopOrchestrator() {
        orchestrator.close();
    }

    @Test
    void the_ledger_server_listens_on_loopback_only_and_the_ledger_commands_use_the_password_file() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        String db = "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
        int port = AvailablePortFinder.getNextAvailable(18700, 18999);
        try (JobdropProcess running = new JobdropProcess(List.of("--inbox", inbox.toString(), "--db", db,
                "--orchestrator", orchestrator.url()), Map.of("JOBDROP_INBOX_STABLE_MS", "0"),
                work.resolve("jobdrop.log"), port).start()) {
            PipelineTestSupport.dropInto(inbox, "bound.yaml", PipelineTestSupport.job("bound"));
            await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("bound") == 1);

            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(work.resolve("data/jobdrop.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertThat(InetAddress.getByName(server.substring(0, server.lastIndexOf(':'))).isLoopbackAddress())
                    .as("advertised address %s", server).isTrue();
            int serverPort = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(outside.get(), serverPort), 2000);
                    }
                }).as("the ledger server from %s", outside.get()).isInstanceOf(java.io.IOException.class);
            }
            assertThat(work.resolve("data/jobdrop.password")).exists();
            assertThat(cli("jobs", "--db", db)).contains("bound");
            assertThat(running.logText()).doesNotContain(Files.readString(work.resolve("data/jobdrop.password")).strip());
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Jobdrop.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        cli.execute(args);
        return out.toString();
    }
}
