package io.jobdrop.notify;

import io.jobdrop.forward.ResponseClassifier;
import io.jobdrop.store.Notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one CloudEvent in structured mode. The JDK's own HTTP client, not the Camel http component: the webhook gets
 * its own connections and its own timeout (a receiver that hangs costs one of its threads for at most the timeout,
 * never one of the orchestrator's pooled connections), and a redirect is not followed. The timeout bounds the whole
 * exchange, body included, and at most {@link #BODY_LIMIT} bytes of a body are read: the JDK's own request timeout
 * stops at the headers, so a receiver that answered them and then trickled its body would hold the thread for good.
 */
public final class WebhookSender {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    /** Bytes of an answer's body read at most (only a non-2xx one is read, for the error excerpt). */
    static final int BODY_LIMIT = 4096;
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
        BoundedBody body = new BoundedBody(BODY_LIMIT);
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(request.build(), body);
        try {
            HttpResponse<String> response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return answer(notification, response.statusCode(), response.headers(), excerpt(response.body()), start);
        } catch (TimeoutException e) {
            call.cancel(true);
            HttpResponse.ResponseInfo head = body.head();
            String late = "no answer within jobdrop.notify.timeout " + timeout;
            return head == null ? new WebhookAnswer(notification, null, null, late, millisSince(start))
                    : answer(notification, head.statusCode(), head.headers(), " (body unfinished within"
                    + " jobdrop.notify.timeout " + timeout + ")", start);
        } catch (ExecutionException e) {
            return new WebhookAnswer(notification, null, null, ResponseClassifier.describe(e.getCause()),
                    millisSince(start));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new WebhookAnswer(notification, null, null, "interrupted (jobdrop is stopping)",
                    millisSince(start));
        }
    }

    private static WebhookAnswer answer(Notification notification, int status, HttpHeaders headers, String excerpt,
                                        long start) {
        String error = status >= 200 && status < 300 ? null : "HTTP " + status + excerpt;
        return new WebhookAnswer(notification, status, headers.firstValue("Retry-After").orElse(null), error,
                millisSince(start));
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
