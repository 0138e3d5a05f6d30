package io.jobdrop.intake.imports;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.store.ImportLedger;
import io.jobdrop.store.LedgerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** URL imports against a real HTTP server and an H2 ledger: lists of URLs, Last-Modified, unchanged bodies, errors. */
class UrlSourcesTest {

    @TempDir
    Path dir;

    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private HikariDataSource dataSource;
    private UrlSources sources;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            requests.add(path + (since == null ? "" : " since " + since));
            String body = bodies.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(path.equals("/down") ? 503 : 404, -1);
            } else if (since != null && path.equals("/dated.yaml")) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                if (path.equals("/dated.yaml")) {
                    exchange.getResponseHeaders().add("Last-Modified", "Wed, 21 Oct 2026 07:28:00 GMT");
                }
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        dataSource = LedgerDatabase.open("jdbc:h2:file:" + dir.resolve("ledger"), "sa", "");
        sources = new UrlSources(new ImportLedger(dataSource, Clock.systemUTC(), "test"), "", Duration.ofSeconds(5),
                1000);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        dataSource.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private ImportDefinition importing(String from) throws Exception {
        Files.writeString(dir.resolve("i.yaml"), "{name: up, schedule: every 1m, from: '" + from + "'}");
        return ImportFiles.load(dir).imports().get(0);
    }

    private SourceRead fire(ImportDefinition d) throws SourceUnreachable {
        SourceRead read = sources.read(d, Instant.parse("2026-03-01T10:00:00Z"));
        read.afterRecorded().forEach(Runnable::run);
        return read;
    }

    @Test
    void follows_a_list_of_urls_relative_ones_included_and_names_each_unit_by_its_url() throws Exception {
        bodies.put("/list.json", "[\"a.yaml\", \"" + url("/b.yaml") + "\"]");
        bodies.put("/a.yaml", "Name: a");
        bodies.put("/b.yaml", "Name: b");
        ImportDefinition d = importing(url("/list.json"));

        SourceRead first = fire(d);
        assertThat(first.units()).extracting(ImportUnit::name).containsExactly(
                "import:up@2026-03-01T10:00:00Z:" + url("/a.yaml"), "import:up@2026-03-01T10:00:00Z:" + url("/b.yaml"));
        assertThat(new String(first.units().get(0).content(), StandardCharsets.UTF_8)).isEqualTo("Name: a");

        SourceRead again = fire(d);
        assertThat(again.units()).as("an unchanged list submits nothing").isEmpty();
        assertThat(again.unchanged()).isEqualTo(1);

        bodies.put("/list.json", "- a.yaml\n- b.yaml\n- c.yaml\n");
        bodies.put("/c.yaml", "Name: c");
        bodies.put("/b.yaml", "Name: b2");
        SourceRead changed = fire(d);
        assertThat(changed.units()).extracting(u -> new String(u.content(), StandardCharsets.UTF_8))
                .as("only the bodies that changed").containsExactly("Name: b2", "Name: c");
        assertThat(changed.unchanged()).isEqualTo(1);
    }

    @Test
    void sends_last_modified_back_as_if_modified_since() throws Exception {
        bodies.put("/dated.yaml", "Name: dated");
        ImportDefinition d = importing(url("/dated.yaml"));
        assertThat(fire(d).units()).hasSize(1);
        assertThat(fire(d).units()).isEmpty();
        assertThat(requests).containsExactly("/dated.yaml", "/dated.yaml since Wed, 21 Oct 2026 07:28:00 GMT");
    }

    @Test
    void keeps_no_validators_until_the_units_are_recorded() throws Exception {
        bodies.put("/job.yaml", "Name: j");
        ImportDefinition d = importing(url("/job.yaml"));
        assertThat(sources.read(d, Instant.parse("2026-03-01T10:00:00Z")).units()).hasSize(1); // crash: not kept
        assertThat(fire(d).units()).as("read again after the crash").hasSize(1);
        assertThat(fire(d).units()).isEmpty();
    }

    @Test
    void is_unreachable_on_errors_and_refused_connections_and_judges_a_large_body_by_its_size() throws Exception {
        assertThatThrownBy(() -> fire(importing(url("/down")))).isInstanceOf(SourceUnreachable.class)
                .hasMessage("GET " + url("/down") + " answered 503");
        assertThatThrownBy(() -> fire(importing(url("/missing")))).hasMessageEndingWith("answered 404");
        assertThatThrownBy(() -> fire(importing("http://127.0.0.1:1/x.yaml")))
                .hasMessageStartingWith("GET http://127.0.0.1:1/x.yaml: ConnectException");
        bodies.put("/big.yaml", "x".repeat(1500));
        ImportUnit big = fire(importing(url("/big.yaml"))).units().get(0);
        assertThat(big.content()).isNull();
        assertThat(big.size()).as("from Content-Length, not the bytes read").isEqualTo(1500);
    }

    @Test
    void sends_the_token_across_a_redirect_only_to_the_same_origin() throws Exception {
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            elsewhere.add(exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = "Name: moved".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        other.start();
        List<String> here = new CopyOnWriteArrayList<>();
        server.createContext("/redirect", exchange -> {
            here.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            String to = exchange.getRequestURI().getPath().equals("/redirect/away")
                    ? "http://127.0.0.1:" + other.getAddress().getPort() + "/job.yaml" : "/redirect/target";
            if (exchange.getRequestURI().getPath().equals("/redirect/target")) {
                byte[] bytes = "Name: target".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } else {
                exchange.getResponseHeaders().add("Location", to);
                exchange.sendResponseHeaders(302, -1);
            }
            exchange.close();
        });
        sources = new UrlSources(new ImportLedger(dataSource, Clock.systemUTC(), "test"), "s3cret",
                Duration.ofSeconds(5), 1000);
        try {
            assertThat(new String(fire(importing(url("/redirect/here"))).units().get(0).content(),
                    StandardCharsets.UTF_8)).isEqualTo("Name: target");
            assertThat(here).containsExactly("/redirect/here Bearer s3cret", "/redirect/target Bearer s3cret");

            assertThat(new String(fire(importing(url("/redirect/away"))).units().get(0).content(),
                    StandardCharsets.UTF_8)).isEqualTo("Name: moved");
            assertThat(here).last().isEqualTo("/redirect/away Bearer s3cret");
            assertThat(elsewhere).as("another port is another origin").containsExactly("/job.yaml null");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void sends_the_token_to_listed_urls_only_on_the_origin_of_the_import() throws Exception {
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            elsewhere.add(exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = "Name: listed-elsewhere".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        other.start();
        List<String> here = new CopyOnWriteArrayList<>();
        server.createContext("/guarded", exchange -> {
            here.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = (exchange.getRequestURI().getPath().endsWith("list.yaml")
                    ? "- job.yaml\n- http://127.0.0.1:" + other.getAddress().getPort() + "/job.yaml\n"
                    : "Name: listed-here").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        sources = new UrlSources(new ImportLedger(dataSource, Clock.systemUTC(), "test"), "s3cret",
                Duration.ofSeconds(5), 1000);
        try {
            assertThat(fire(importing(url("/guarded/list.yaml"))).units()).hasSize(2);
            assertThat(here).containsExactly("/guarded/list.yaml Bearer s3cret", "/guarded/job.yaml Bearer s3cret");
            assertThat(elsewhere).as("whoever serves the list cannot collect the token").containsExactly("/job.yaml null");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void refuses_a_redirect_from_https_to_http_and_follows_relative_ones() throws Exception {
        assertThatThrownBy(() -> UrlSources.redirect(URI.create("https://jobs.example/a.yaml"),
                "http://jobs.example/a.yaml")).isInstanceOf(SourceUnreachable.class)
                .hasMessageContaining("redirected from https to http (http://jobs.example/a.yaml): refused");
        assertThat(UrlSources.redirect(URI.create("https://jobs.example/dir/a.yaml"), "b.yaml"))
                .isEqualTo(URI.create("https://jobs.example/dir/b.yaml"));
        assertThat(UrlSources.redirect(URI.create("http://jobs.example/a.yaml"), "https://other.example/a.yaml"))
                .isEqualTo(URI.create("https://other.example/a.yaml"));
        assertThat(UrlSources.sameOrigin(URI.create("https://Jobs.example/a"), URI.create("https://jobs.example:443/b")))
                .isTrue();
        assertThat(UrlSources.sameOrigin(URI.create("http://jobs.example/a"), URI.create("https://jobs.example/a")))
                .isFalse();
    }

    @Test
    void gives_up_after_too_many_redirects() throws Exception {
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        assertThatThrownBy(() -> fire(importing(url("/loop")))).isInstanceOf(SourceUnreachable.class)
                .hasMessage("GET " + url("/loop") + ": more than " + UrlSources.MAX_REDIRECTS + " redirects");
    }
}
