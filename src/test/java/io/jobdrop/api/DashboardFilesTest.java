package io.jobdrop.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's files are kept in memory once found; names that are not there are answered 404 and not kept. */
class DashboardFilesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final DashboardFiles files = new DashboardFiles("web");
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.getWithRegex(DashboardFiles.PATH_REGEX).handler(files);
        server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void many_distinct_misses_answer_404_and_do_not_grow_the_cache() throws Exception {
        assertThat(get("/index.html").statusCode()).isEqualTo(200);
        assertThat(files.cachedFiles()).isEqualTo(1);

        for (int i = 0; i < 200; i++) {
            assertThat(get("/missing-" + i + ".js").statusCode()).isEqualTo(404);
        }

        assertThat(files.cachedFiles()).isEqualTo(1);
        assertThat(get("/index.html").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
