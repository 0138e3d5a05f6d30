package io.jobdrop.notify;

import io.jobdrop.forward.ResponseClassifier;
import io.jobdrop.store.Notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs one CloudEvent in structured mode. The JDK's own HTTP client, not the Camel http component: the webhook gets
 * its own connections and its own timeout (a receiver that hangs costs one of its threads for at most the timeout,
 * never one of the orchestrator's pooled connections), and a redirect is not followed.
 */
public final class WebhookSender {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    private static final int BODY_EXCERPT = 200;

    private final HttpClient client;
    private final String token;
    private final Duration timeout;

    /** @param token sent as {@code Authorization: Bearer <token>} when not blank; never logged */
    public WebhookSender(String token, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.token = token == null || token.isBlank() ? null : token;
        this.timeout = timeout;
    }

    public WebhookAnswer send(Notification notification) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(notification.url()))
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(notification.payload(), StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null : "HTTP " + status + excerpt(response.body());
            return new WebhookAnswer(notification, status, response.headers().firstValue("Retry-After").orElse(null),
                    error, millisSince(start));
        } catch (IOException e) {
            return new WebhookAnswer(notification, null, null, ResponseClassifier.describe(e), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookAnswer(notification, null, null, "interrupted (jobdrop is stopping)",
                    millisSince(start));
        }
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > BODY_EXCERPT ? line.substring(0, BODY_EXCERPT) + "…" : line);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
