package io.jobdrop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.test.AvailablePortFinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a real HTTP server (JDK HttpServer, port 18300-18399), as a CloudEvents consumer would run
 * one: it keeps every request it got and the events it acknowledged, deduplicated by CloudEvent id. Faults on request:
 * a share of requests answered 500, left without an answer past the sender's timeout, or dropped (connection closed
 * without an answer); every request held until released; or one fixed status for all.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String contentType, String authorization, JsonNode event, int answeredWith) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> requests = new ArrayList<>();
    /** Acknowledged (2xx) events by id: a receiver deduplicating on the id keeps one of each. */
    private final Map<String, JsonNode> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> acknowledgements = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();
    private volatile Random random;
    private volatile double p500;
    private volatile double pHang;
    private volatile double pDrop;
    private volatile Duration hangFor = Duration.ZERO;
    private volatile CountDownLatch hold;
    private volatile int fixedStatus = 204;

    private WebhookReceiver() {
        int port = AvailablePortFinder.getNextAvailable(18300, 18399);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static WebhookReceiver started() {
        return new WebhookReceiver();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/jobdrop";
    }

    /**
     * Fails this share of requests, seeded: {@code p500} answered 500, {@code pHang} answered only after
     * {@code hangFor} (past the sender's timeout), {@code pDrop} closed without an answer.
     */
    public WebhookReceiver faults(double p500, double pHang, Duration hangFor, double pDrop, long seed) {
        this.random = new Random(seed);
        this.p500 = p500;
        this.pHang = pHang;
        this.hangFor = hangFor;
        this.pDrop = pDrop;
        return this;
    }

    /** Every request waits until {@link #release()}. */
    public WebhookReceiver holdAll() {
        hold = new CountDownLatch(1);
        return this;
    }

    public void release() {
        CountDownLatch latch = hold;
        if (latch != null) {
            latch.countDown();
        }
        hold = null;
    }

    /** Answers every request with this status (no other faults). */
    public WebhookReceiver answerAll(int status) {
        fixedStatus = status;
        return this;
    }

    /** Requests waiting in {@link #holdAll()} now. */
    public int heldNow() {
        return held.get();
    }

    public synchronized List<Received> requests() {
        return List.copyOf(requests);
    }

    /** The acknowledged events, one per id. */
    public List<JsonNode> events() {
        return List.copyOf(acknowledged.values());
    }

    /** How many times each event id was acknowledged (more than once: a redelivery the receiver deduplicated). */
    public Map<String, Integer> acknowledgementsById() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        acknowledgements.forEach((id, n) -> counts.put(id, n.get()));
        return counts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode event = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            CountDownLatch latch = hold;
            if (latch != null) {
                held.incrementAndGet();
                try {
                    latch.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
            }
            int status = fixedStatus;
            String fault = pickFault();
            if (fault.equals("drop")) {
                record(exchange, event, -1);
                return; // closed without an answer
            }
            if (fault.equals("hang")) {
                sleep(hangFor);
            }
            if (fault.equals("500")) {
                status = 500;
            }
            record(exchange, event, status);
            if (status >= 200 && status < 300) { // a hung request was processed too, only answered late
                acknowledged.putIfAbsent(event.get("id").asText(), event);
                acknowledgements.computeIfAbsent(event.get("id").asText(), id -> new AtomicInteger()).incrementAndGet();
            }
            if (status == 204) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        } catch (IOException e) {
            // the sender gave up (its timeout) while this request hung: that is the fault being tested
        }
    }

    private synchronized String pickFault() {
        if (random == null) {
            return "none";
        }
        double r = random.nextDouble();
        if (r < p500) {
            return "500";
        }
        if (r < p500 + pHang) {
            return "hang";
        }
        return r < p500 + pHang + pDrop ? "drop" : "none";
    }

    private synchronized void record(HttpExchange exchange, JsonNode event, int status) {
        requests.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), event, status));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
