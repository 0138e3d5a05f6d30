package io.jobdrop.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast Bacalhau orchestrator stand-in, run in its own JVM so its CPU and heap are not the harness's: it accepts
 * every well-formed job PUT at once and remembers when each job Name first arrived (epoch micros).
 *
 * <pre>
 * PUT  /api/v1/orchestrator/jobs  {"Job": {...}} → 200 {"JobID":"j-…","EvaluationID":"…","Warnings":null}
 *                                 (400 when the Content-Type is not JSON or the body has no Job.Name)
 * GET  /api/v1/agent/alive        → {"Status":"OK"}
 * GET  /stats                     → {"received":n,"distinct":n,"duplicates":n,"rejected":n,"lastArrivalMicros":t}
 * GET  /arrivals                  → one "name TAB epochMicros" line per distinct Name
 * POST /reset                     → forgets everything
 * </pre>
 *
 * Usage: {@code StandIn [--port N]}; prints {@code standin port <N>} when listening and exits when its stdin closes
 * (the harness died), so it can never outlive a run.
 */
public final class StandIn {

    public static final String READY_PREFIX = "standin port ";

    private record Arrival(String jobId, long firstMicros) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lastArrivalMicros = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = args.length == 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 0;
        // without TCP_NODELAY, headers and body of a small response can sit out a 40 ms delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = new StandIn().start(port);
        System.out.println(READY_PREFIX + server.getAddress().getPort());
        System.out.flush();
        exitWhenStdinCloses();
    }

    HttpServer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.createContext("/api/v1/orchestrator/jobs", this::putJob);
        server.createContext("/api/v1/agent/alive", exchange -> answer(exchange, 200, "{\"Status\":\"OK\"}"));
        server.createContext("/stats", exchange -> answer(exchange, 200, statsJson()));
        server.createContext("/arrivals", exchange -> answer(exchange, 200, arrivalLines()));
        server.createContext("/reset", this::reset);
        server.start();
        return server;
    }

    private void putJob(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        received.incrementAndGet();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"PUT".equals(exchange.getRequestMethod()) && !"POST".equals(exchange.getRequestMethod())) {
            rejected.incrementAndGet();
            answer(exchange, 405, error(405, "method not allowed"));
            return;
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            rejected.incrementAndGet();
            answer(exchange, 400, error(415, "unsupported content type: " + contentType));
            return;
        }
        String name = jobName(body);
        if (name == null) {
            rejected.incrementAndGet();
            answer(exchange, 400, error(400, "no Job.Name in the body"));
            return;
        }
        long now = EpochMicros.now();
        boolean[] isNew = {false};
        Arrival arrival = arrivals.computeIfAbsent(name, n -> {
            isNew[0] = true;
            return new Arrival(randomJobId(), now);
        });
        if (!isNew[0]) {
            duplicates.incrementAndGet();
        }
        lastArrivalMicros.accumulateAndGet(arrival.firstMicros, Math::max);
        answer(exchange, 200, "{\"JobID\":\"" + arrival.jobId + "\",\"EvaluationID\":\"" + randomUuid()
                + "\",\"Warnings\":null}");
    }

    /** Job.Name from {"Job": {..., "Name": "..."}}, read with a streaming parser that stops as soon as it is found. */
    static String jobName(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isJob = "Job".equalsIgnoreCase(parser.currentName());
                if (parser.nextToken() == JsonToken.START_OBJECT && isJob) {
                    return nameField(parser);
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String nameField(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean isName = "Name".equalsIgnoreCase(parser.currentName());
            JsonToken value = parser.nextToken();
            if (isName && value == JsonToken.VALUE_STRING) {
                String name = parser.getText();
                return name.isBlank() ? null : name;
            }
            parser.skipChildren();
        }
        return null;
    }

    private String statsJson() {
        return "{\"received\":" + received.get() + ",\"distinct\":" + arrivals.size() + ",\"duplicates\":"
                + duplicates.get() + ",\"rejected\":" + rejected.get() + ",\"lastArrivalMicros\":"
                + lastArrivalMicros.get() + "}";
    }

    private String arrivalLines() {
        StringBuilder lines = new StringBuilder(arrivals.size() * 48);
        arrivals.forEach((name, arrival) -> lines.append(name).append('\t').append(arrival.firstMicros).append('\n'));
        return lines.toString();
    }

    private void reset(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        arrivals.clear();
        received.set(0);
        duplicates.set(0);
        rejected.set(0);
        lastArrivalMicros.set(0);
        answer(exchange, 200, statsJson());
    }

    private static String error(int code, String message) {
        return "{\"error\":\"" + message.replace("\"", "'") + "\",\"message\":\"" + message.replace("\"", "'")
                + "\",\"code\":" + code + "}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                body.startsWith("{") ? "application/json" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String randomJobId() {
        return "j-" + randomUuid();
    }

    /** A version-4 UUID from a non-blocking source: the stand-in must not be the bottleneck. */
    private static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static void exitWhenStdinCloses() throws IOException {
        while (System.in.read() >= 0) {
            // the harness never writes; reading only detects that it went away
        }
        System.exit(0);
    }
}
