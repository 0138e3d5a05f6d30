package io.jobdrop.notify;

import io.jobdrop.store.Notification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The sender against a raw local server that answers the headers and then misbehaves with the body: it must come back
 * within its timeout (the preemptive bound below is only the test's guard against hanging for good) with at most a
 * few KB of the body read.
 */
class WebhookSenderTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2); // connect and headers from a local thread, on a busy machine
    static final Duration HANG_GUARD = Duration.ofSeconds(30);

    final List<Socket> open = new ArrayList<>();
    ServerSocket server;

    @AfterEach
    void close() throws IOException {
        for (Socket s : open) {
            s.close();
        }
        server.close();
    }

    /** Serves one connection: reads the request head, writes {@code head}, then runs {@code then} on the stream. */
    String serve(String head, BodyTail then) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                Socket s = server.accept();
                synchronized (open) {
                    open.add(s);
                }
                InputStream in = s.getInputStream();
                int matched = 0;
                while (matched < 4) { // up to the blank line after the request headers
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                OutputStream out = s.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                then.write(out);
            } catch (IOException | InterruptedException e) {
                // the client went away: the end of this server's part
            }
        });
        t.setDaemon(true);
        t.start();
        return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
    }

    interface BodyTail {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    static Notification notification(String url) {
        return new Notification("n1", "e1", url, "io.jobdrop.file.rejected", "bad.yaml", "{}", 0,
                Instant.parse("2026-03-01T10:00:00Z"));
    }

    WebhookAnswer send(String url) {
        WebhookSender sender = new WebhookSender("", TIMEOUT);
        return assertTimeoutPreemptively(HANG_GUARD, () -> sender.send(notification(url)));
    }

    @Test
    void a_2xx_whose_body_never_ends_is_delivered_without_waiting_for_the_body() throws Exception {
        String url = serve("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nstarted", out -> Thread.sleep(60_000));

        WebhookAnswer answer = send(url);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.error()).isNull();
    }

    @Test
    void an_error_whose_body_stalls_keeps_its_status_and_comes_back_at_the_timeout() throws Exception {
        String url = serve("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\nContent-Length: 1000000\r\n\r\n"
                + "overloaded", out -> Thread.sleep(60_000));

        WebhookAnswer answer = send(url);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.retryAfter()).isEqualTo("7");
        assertThat(answer.error()).startsWith("HTTP 503").contains("jobdrop.notify.timeout");
    }

    @Test
    void an_error_with_an_endless_body_is_read_only_a_few_kilobytes() throws Exception {
        long[] written = new long[1];
        String url = serve("HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n", out -> {
            byte[] chunk = ("1000\r\n" + "x".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
                written[0] += 4096;
            }
        });

        WebhookAnswer answer = send(url);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.error()).startsWith("HTTP 500: xxx").endsWith("…").hasSizeLessThan(300);
    }

    @Test
    void headers_that_never_come_are_no_answer_at_the_timeout() throws Exception {
        String url = serve("", out -> Thread.sleep(60_000));

        WebhookAnswer answer = send(url);

        assertThat(answer.status()).isNull();
        assertThat(answer.error()).contains("no answer within jobdrop.notify.timeout");
    }
}
