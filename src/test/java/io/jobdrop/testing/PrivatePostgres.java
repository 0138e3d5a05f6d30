package io.jobdrop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 cluster of a test's own (initdb + pg_ctl as user postgres, in a temp dir, on a free port), so the
 * test may stop and start it; the machine's shared server is never touched. Needs root (to act as postgres).
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path dir, int port) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    /** Why this machine cannot run one, or null when it can. */
    public static String unavailableReason() {
        if (!Files.isExecutable(BIN.resolve("pg_ctl"))) {
            return "PostgreSQL 15 binaries not found in " + BIN;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "a private PostgreSQL cluster needs root (to run initdb and pg_ctl as user postgres)";
        }
        return null;
    }

    public static PrivatePostgres started() {
        try {
            Path dir = Files.createTempDirectory("jobdrop-pg-");
            PrivatePostgres pg = new PrivatePostgres(dir, freePort());
            run("chown", "postgres", dir.toString());
            pg.asPostgres(BIN.resolve("initdb") + " -A trust -U postgres -D " + pg.data + " >/dev/null");
            pg.start();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public void start() {
        asPostgres(BIN.resolve("pg_ctl") + " -D " + data + " -l " + dir.resolve("log") + " -w -t 60 -o \"-p " + port
                + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null");
    }

    /** Fast shutdown: open connections are cut, as in a restart of the server. */
    public void stop() {
        asPostgres(BIN.resolve("pg_ctl") + " -D " + data + " -m fast -w -t 60 stop >/dev/null");
    }

    @Override
    public void close() {
        try {
            asPostgres(BIN.resolve("pg_ctl") + " -D " + data + " -m immediate -w -t 60 stop >/dev/null 2>&1 || true");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }

    private void asPostgres(String shell) {
        run("runuser", "-u", "postgres", "--", "sh", "-c", "cd " + dir + " && " + shell);
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
