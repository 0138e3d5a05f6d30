package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.spec.JobJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for jobdrop's API, as any program would call it. */
final class ApiClient {

    record Answer(int status, String body, Map<String, java.util.List<String>> headers) {

        JsonNode json() {
            try {
                return JobJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /**
     * HTTP/1.1, as curl, browsers and most clients speak to a plain-http server. The JDK client's default, an h2c
     * upgrade on the first request, now and then read a large answer of the Vert.x server as broken HTTP/2 frames.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    ApiClient withToken(String other) {
        return new ApiClient(base, other);
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Answer postJob(String pathAndQuery, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = request(pathAndQuery).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    Answer postYaml(String pathAndQuery, String yaml, String... headers) {
        return postJob(pathAndQuery, "application/yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                headers);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
