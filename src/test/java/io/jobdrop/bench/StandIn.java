package io.jobdrop.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * GET  /api/v1/orchestrator/jobs/{id}[?include=executions]
 *                                 → 200 {"Job": {..., "State": {"StateType": "Completed"}}, "Executions"?: {...}}
 *                                 for a job it accepted (a daemon or service job is "Running"), as job following
 *                                 polls it; 404 {"Code":"NotFound","Component":"JobStore",...} for any other id
 * GET  /api/v1/agent/alive        → {"Status":"OK"}
 * GET  /stats                     → {"received":n,"distinct":n,"duplicates":n,"rejected":n,"polled":n,
 *                                    "lastArrivalMicros":t}  (polled: job GETs, what following costs)
 * GET  /arrivals                  → one "name TAB epochMicros" line per distinct Name
 * POST /reset                     → forgets everything
 * </pre>
 *
 * Usage: {@code StandIn [--port N]}; prints {@code standin port <N>} when listening and exits when its stdin closes
 * (the harness died), so it can never outlive a run.
 */
public final class StandIn {

    public static final String READY_PREFIX = "standin port ";
    private static final String JOB_PATH = "/api/v1/orchestrator/jobs/";

    private record Arrival(String jobId, String name, String namespace, String type, long firstMicros) {
    }

    /** The fields of a PUT's Job that the stand-in keeps; Namespace and Type as Bacalhau defaults them. */
    record JobHead(String name, String namespace, String type) {
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper JSON_WRITER = new ObjectMapper(JSON);

    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Arrival> byJobId = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong polled = new AtomicLong();
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
        server.createContext("/api/v1/orchestrator/jobs", this::jobs);
        server.createContext("/api/v1/agent/alive", exchange -> answer(exchange, 200, "{\"Status\":\"OK\"}"));
        server.createContext("/stats", exchange -> answer(exchange, 200, statsJson()));
        server.createContext("/arrivals", exchange -> answer(exchange, 200, arrivalLines()));
        server.createContext("/reset", this::reset);
        server.start();
        return server;
    }

    private void jobs(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(JOB_PATH) && path.length() > JOB_PATH.length()) {
            getJob(exchange, path.substring(JOB_PATH.length()));
        } else {
            putJob(exchange);
        }
    }

    /** GetJob (spec §16.1): a job accepted earlier has run to its end at once; any other id is not found (§17). */
    private void getJob(HttpExchange exchange, String id) throws IOException {
        exchange.getRequestBody().readAllBytes();
        polled.incrementAndGet();
        Arrival arrival = byJobId.get(id);
        if (arrival == null) {
            answer(exchange, 404, "{\"Status\":404,\"Message\":\"job not found: " + id.replace("\"", "'")
                    + "\",\"RequestID\":\"\",\"Code\":\"NotFound\",\"Component\":\"JobStore\"}");
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        boolean executions = query != null && query.matches("(.*&)?include=[^&]*executions.*");
        answer(exchange, 200, jobJson(arrival, executions));
    }

    private static String jobJson(Arrival a, boolean withExecutions) {
        boolean longRunning = a.type.equals("daemon") || a.type.equals("service");
        long nanos = a.firstMicros * 1000;
        String job = "{\"Job\":{\"ID\":\"" + a.jobId + "\",\"Name\":" + quoted(a.name) + ",\"Namespace\":"
                + quoted(a.namespace) + ",\"Type\":" + quoted(a.type) + ",\"Count\":1,\"State\":{\"StateType\":\""
                + (longRunning ? "Running" : "Completed") + "\",\"Message\":\"\"},\"Version\":1,\"Revision\":2,"
                + "\"CreateTime\":" + nanos + ",\"ModifyTime\":" + nanos + "}";
        if (!withExecutions) {
            return job + "}";
        }
        // ComputeState 9 = Completed (6 = Running), DesiredState 2 = Stopped (1 = Running): integers on the wire
        return job + ",\"Executions\":{\"Items\":[{\"ID\":\"e-" + a.jobId.substring(2) + "\",\"Namespace\":"
                + quoted(a.namespace) + ",\"JobID\":\"" + a.jobId + "\",\"JobVersion\":1,\"NodeID\":\"n-standin\","
                + "\"ComputeState\":{\"StateType\":" + (longRunning ? 6 : 9) + ",\"Message\":\"\"},"
                + "\"DesiredState\":{\"StateType\":" + (longRunning ? 1 : 2) + ",\"Message\":\"\"},"
                + (longRunning ? "" : "\"RunOutput\":{\"Stdout\":\"\",\"StdoutTruncated\":false,\"stderr\":\"\","
                + "\"StderrTruncated\":false,\"ExitCode\":0,\"ErrorMsg\":\"\"},")
                + "\"Revision\":3,\"CreateTime\":" + nanos + ",\"ModifyTime\":" + nanos + "}],\"NextToken\":\"\"}}";
    }

    private static String quoted(String text) {
        try {
            return JSON_WRITER.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
        JobHead head = jobHead(body);
        if (head == null) {
            rejected.incrementAndGet();
            answer(exchange, 400, error(400, "no Job.Name in the body"));
            return;
        }
        long now = EpochMicros.now();
        boolean[] isNew = {false};
        Arrival arrival = arrivals.computeIfAbsent(head.name, n -> {
            isNew[0] = true;
            return new Arrival(randomJobId(), n, head.namespace, head.type, now);
        });
        if (isNew[0]) {
            byJobId.put(arrival.jobId, arrival);
        } else {
            duplicates.incrementAndGet();
        }
        lastArrivalMicros.accumulateAndGet(arrival.firstMicros, Math::max);
        answer(exchange, 200, "{\"JobID\":\"" + arrival.jobId + "\",\"EvaluationID\":\"" + randomUuid()
                + "\",\"Warnings\":null}");
    }

    /** Job.Name, Namespace and Type from {"Job": {...}}, read with a streaming parser; null without a Name. */
    static JobHead jobHead(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isJob = "Job".equalsIgnoreCase(parser.currentName());
                if (parser.nextToken() == JsonToken.START_OBJECT && isJob) {
                    return headFields(parser);
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static JobHead headFields(JsonParser parser) throws IOException {
        String name = null;
        String namespace = "default";
        String type = "batch";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName().toLowerCase(Locale.ROOT);
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
                switch (field) {
                    case "name" -> name = parser.getText();
                    case "namespace" -> namespace = parser.getText();
                    case "type" -> type = parser.getText().toLowerCase(Locale.ROOT);
                    default -> { }
                }
            }
            parser.skipChildren();
        }
        return name == null ? null : new JobHead(name, namespace, type);
    }

    private String statsJson() {
        return "{\"received\":" + received.get() + ",\"distinct\":" + arrivals.size() + ",\"duplicates\":"
                + duplicates.get() + ",\"rejected\":" + rejected.get() + ",\"polled\":" + polled.get()
                + ",\"lastArrivalMicros\":"
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
        byJobId.clear();
        polled.set(0);
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
