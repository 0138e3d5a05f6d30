package io.jobdrop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A Bacalhau main orchestrator for what jobdrop uses, over real HTTP on 127.0.0.1 (spec §1.2, §16–§18):
 * {@code PUT}/{@code POST /api/v1/orchestrator/jobs} with Bacalhau's binding errors, validation hook, sanitize
 * warnings and name upsert ("no changes detected" 500 included); {@code GET} of one job and of the list;
 * {@code /api/v1/agent/alive}; optional API-key auth; and injectable faults: failures, rate limits, 503s before or
 * after the job is stored, delays, and a real outage ({@link #stop()}, then {@link #start()} on the same port).
 *
 * <p>With a {@link Lifecycle} ({@link #lifecycle}), stored jobs move Pending → Queued → Running → Completed or
 * Failed and carry executions: {@code GET …/jobs/{idOrName}?include=executions}, {@code GET …/jobs/{id}/executions}
 * and {@code PUT …/jobs/{idOrName}/rerun} (which {@link #withoutRerunEndpoint} takes away, as on an orchestrator
 * older than v1.8).
 *
 * <p>Not reproduced: type errors inside the job, store-time validation (§6.5) beyond {@link #rejectNames}, server
 * defaults (plug them in with {@link #jobTransformer}), job history and DELETE.
 */
public final class BacalhauDouble implements AutoCloseable {

    public static final String JOBS_PATH = "/api/v1/orchestrator/jobs";
    public static final String ALIVE_PATH = "/api/v1/agent/alive";
    /** Echo's body limit in Bacalhau's API server. */
    static final int BODY_LIMIT = 10 << 20;

    private final NamedJobStore store = new NamedJobStore();
    private final JobRuns runs = new JobRuns(System::nanoTime, BacalhauDouble::nowNanos);
    private volatile Lifecycle lifecycle;
    private volatile boolean rerunEndpoint = true;
    private final AtomicInteger pollFaults = new AtomicInteger();
    private volatile int pollFaultStatus = 503;
    private final FaultPlan faults = new FaultPlan();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final String nodeId = "n-" + UUID.randomUUID();
    private volatile Function<JsonNode, List<String>> validator = new MinimalJobValidator();
    private volatile UnaryOperator<ObjectNode> jobTransformer = UnaryOperator.identity();
    private volatile String token;

    private int port;
    private HttpServer server;
    private ExecutorService executor;
    private CountDownLatch stopped = new CountDownLatch(1);

    public BacalhauDouble() {
        this(0);
    }

    /** @param port a fixed port, or 0 for a free one (kept across {@link #stop()} and {@link #start()}) */
    public BacalhauDouble(int port) {
        this.port = port;
    }

    public static BacalhauDouble started() {
        return new BacalhauDouble().start();
    }

    public synchronized BacalhauDouble start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the Bacalhau double cannot listen on 127.0.0.1:" + port, e);
        }
        port = server.getAddress().getPort();
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bacalhau-double-" + port + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        stopped = new CountDownLatch(1);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** The orchestrator goes away: the port refuses connections until {@link #start()}; stored jobs survive. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        stopped.countDown();
        server.stop(0);
        executor.shutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized int port() {
        return port;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The node ID the double writes into {@code bacalhau.org/requester.id} and {@code orchestrator.id}. */
    public String nodeId() {
        return nodeId;
    }

    // ---- behaviour -------------------------------------------------------------------------------------------

    /** Jobs endpoints now need {@code Authorization: Bearer <token>}; null turns auth off. */
    public BacalhauDouble requireToken(String apiKey) {
        this.token = apiKey;
        return this;
    }

    /** Replaces the submission checks (HTTP stage 1); the returned messages are joined with "\n" into a 400. */
    public BacalhauDouble validator(Function<JsonNode, List<String>> submissionValidator) {
        this.validator = Objects.requireNonNull(submissionValidator, "submissionValidator");
        return this;
    }

    /** Bacalhau's first checks: {@code missing job type}, {@code invalid job type: "<t>"}, {@code missing job tasks}. */
    public static Function<JsonNode, List<String>> minimalValidator() {
        return new MinimalJobValidator();
    }

    /** Runs after Bacalhau's own transformers (ID, Name, Meta), where its defaults applier runs. */
    public BacalhauDouble jobTransformer(UnaryOperator<ObjectNode> transformer) {
        this.jobTransformer = Objects.requireNonNull(transformer, "transformer");
        return this;
    }

    /** The next {@code n} submissions get {@code status} before anything else happens. */
    public BacalhauDouble failNext(int n, int status) {
        faults.failNext(n, status);
        return this;
    }

    /** The next {@code n} submissions get 429, with this {@code Retry-After} value (null: no header). */
    public BacalhauDouble rateLimitNext(int n, String retryAfter) {
        faults.rateLimitNext(n, retryAfter);
        return this;
    }

    /**
     * Each submission that passes validation draws once: with {@code p5xx} it gets 503 before the store, with
     * {@code p503AfterStore} the store runs and the client still gets 503 (it cannot know the job is there).
     */
    public BacalhauDouble randomFaults(double p5xx, double p503AfterStore, long seed) {
        faults.randomFaults(p5xx, p503AfterStore, seed);
        return this;
    }

    /** Every request waits this long before it is handled (a slow orchestrator; a client timeout fires first). */
    public BacalhauDouble delay(Duration perRequest) {
        faults.delay(perRequest);
        return this;
    }

    /** Jobs with these names are refused at store time: 400, Code {@code BadRequest}, Component {@code JobStore}. */
    public BacalhauDouble rejectNames(String... names) {
        faults.rejectNames(Arrays.asList(names));
        return this;
    }

    /** Stored jobs move through their states as {@code jobLifecycle} says; null keeps them Pending for ever. */
    public BacalhauDouble lifecycle(Lifecycle jobLifecycle) {
        this.lifecycle = jobLifecycle;
        return this;
    }

    /** The next {@code n} GETs of one job (or its executions) get {@code status}, as an orchestrator in trouble. */
    public BacalhauDouble failPollsNext(int n, int status) {
        pollFaultStatus = status;
        pollFaults.set(n);
        return this;
    }

    /** Behave like an orchestrator without {@code PUT …/jobs/{id}/rerun} (before v1.8): the route is unknown, 404. */
    public BacalhauDouble withoutRerunEndpoint() {
        this.rerunEndpoint = false;
        return this;
    }

    public BacalhauDouble clearFaults() {
        faults.clear();
        return this;
    }

    // ---- inspection ------------------------------------------------------------------------------------------

    /** How many times a job with this name was created in namespace {@code default}: 1 however often it was resent. */
    public int createdCount(String name) {
        return createdCount("default", name);
    }

    public int createdCount(String namespace, String name) {
        return store.createdCount(namespace, name);
    }

    /** The stored Version of the job with this name in namespace {@code default}. */
    public long version(String name) {
        return version("default", name);
    }

    public long version(String namespace, String name) {
        return store.byName(namespace, name).map(j -> j.get("Version").asLong())
                .orElseThrow(() -> new NoSuchElementException("no job named '" + name + "' in namespace '" + namespace + "'"));
    }

    public Optional<JsonNode> job(String name) {
        return job("default", name);
    }

    public Optional<JsonNode> job(String namespace, String name) {
        return store.byName(namespace, name).map(JsonNode.class::cast);
    }

    /** Every stored job, all namespaces, in creation order (copies). */
    public List<JsonNode> jobs() {
        return List.copyOf(store.list("*"));
    }

    /** The GET requests that asked for this job (by name, ID or prefix; the job itself and its executions). */
    public long pollsOf(String name) {
        return requests().stream().filter(r -> r.method().equals("GET") && name.equals(r.jobName())).count();
    }

    /** The rerun requests, answered or refused, in arrival order. */
    public List<RecordedRequest> reruns() {
        return requests().stream().filter(r -> r.method().equals("PUT") && r.path().endsWith("/rerun")).toList();
    }

    /** The job's state now, as a GET would answer it ("Pending" without a lifecycle). */
    public String state(String name) {
        ObjectNode job = store.byName("default", name)
                .orElseThrow(() -> new NoSuchElementException("no job named '" + name + "'"));
        return runs.now(job, lifecycle).state();
    }

    /** The job's executions now, oldest first, as {@code GET …/executions} would answer them. */
    public List<ObjectNode> executions(String name) {
        ObjectNode job = store.byName("default", name)
                .orElseThrow(() -> new NoSuchElementException("no job named '" + name + "'"));
        return runs.now(job, lifecycle).executions();
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The {@code PUT}/{@code POST} requests to the jobs endpoint, in arrival order. */
    public List<RecordedRequest> submissions() {
        return requests().stream().filter(r -> r.path().equals(JOBS_PATH) && isSubmit(r.method())).toList();
    }

    /** Submissions that created or updated a job, including those whose answer was replaced by an injected 503. */
    public int acceptedCount() {
        return store.stores();
    }

    /** Waits until {@link #acceptedCount()} reaches {@code n}; fails with what did arrive otherwise. */
    public void awaitAccepted(int n, Duration timeout) {
        try {
            if (!store.awaitStores(n, timeout)) {
                throw new AssertionError("expected " + n + " accepted submissions within " + timeout + ", got "
                        + acceptedCount() + "; submissions: " + submissions());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for accepted submissions", e);
        }
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) {
        Instant arrivedAt = Instant.now();
        long arrivedNanos = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String[] jobName = new String[1];
        Reply reply;
        try {
            awaitDelay();
            reply = route(exchange, method, path, jobName);
        } catch (RequestRejected rejected) {
            reply = Reply.error(rejected.error());
        } catch (RuntimeException | IOException e) {
            // Bacalhau's answer to anything that is not one of its own errors (spec §17)
            reply = Reply.error(ErrorBody.of(500, "Internal server error", "InternalError", "Unknown"));
        }
        synchronized (requests) {
            requests.add(new RecordedRequest(method, path, reply.status(), arrivedAt, arrivedNanos, jobName[0]));
        }
        send(exchange, reply);
    }

    private Reply route(HttpExchange exchange, String method, String path, String[] jobName)
            throws RequestRejected, IOException {
        if (path.equals(ALIVE_PATH)) {
            return method.equals("GET") ? Reply.json(200, DoubleJson.MAPPER.createObjectNode().put("Status", "OK"))
                    : methodNotAllowed();
        }
        if (path.startsWith(JOBS_PATH + "/") && method.equals("GET")
                && pollFaults.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return Reply.error(FaultPlan.injected(pollFaultStatus));
        }
        if (path.startsWith(JOBS_PATH + "/")) {
            String[] parts = path.substring(JOBS_PATH.length() + 1).split("/", -1);
            if (parts.length == 2 && !parts[0].isEmpty() && parts[1].equals("executions")) {
                return method.equals("GET") ? executions(exchange, parts[0], jobName) : methodNotAllowed();
            }
            if (parts.length == 2 && !parts[0].isEmpty() && parts[1].equals("rerun") && rerunEndpoint) {
                return method.equals("PUT") ? rerun(exchange, parts[0], jobName) : methodNotAllowed();
            }
        }
        boolean jobs = path.equals(JOBS_PATH);
        boolean oneJob = path.startsWith(JOBS_PATH + "/") && path.length() > JOBS_PATH.length() + 1
                && path.indexOf('/', JOBS_PATH.length() + 1) < 0;
        if (!jobs && !oneJob) {
            Authorizer.check(exchange.getRequestHeaders().getFirst("Authorization"), token);
            return Reply.error(ErrorBody.of(404, "The requested resource/URL was not found.", "NotFound", "APIServer"));
        }
        if (jobs && isSubmit(method)) {
            return submit(exchange, jobName);
        }
        if (!method.equals("GET")) {
            return methodNotAllowed();
        }
        Authorizer.check(exchange.getRequestHeaders().getFirst("Authorization"), token);
        String namespace = query(exchange).getOrDefault("namespace", "default");
        if (jobs) {
            ObjectNode list = DoubleJson.MAPPER.createObjectNode();
            ArrayNode items = list.putArray("Items");
            store.list(namespace).forEach(job -> items.add(withState(job, runs.now(job, lifecycle))));
            list.put("NextToken", "");
            return Reply.json(200, list);
        }
        String idOrName = URLDecoder.decode(path.substring(JOBS_PATH.length() + 1), StandardCharsets.UTF_8);
        ObjectNode job = store.find(namespace, idOrName);
        jobName[0] = DoubleJson.text(job, "Name");
        JobRuns.Now now = runs.now(job, lifecycle);
        ObjectNode found = DoubleJson.MAPPER.createObjectNode();
        found.set("Job", withState(job, now));
        if (Arrays.asList(query(exchange).getOrDefault("include", "").split(",")).contains("executions")) {
            ObjectNode executions = found.putObject("Executions");
            executions.set("Items", JobRuns.items(now.executions()));
            executions.put("NextToken", "");
        }
        return Reply.json(200, found);
    }

    private static ObjectNode withState(ObjectNode job, JobRuns.Now now) {
        job.putObject("State").put("StateType", now.state()).put("Message", now.message());
        return job;
    }

    /** {@code GET …/jobs/{id}/executions}: {"Items": [Execution], "NextToken"}. */
    private Reply executions(HttpExchange exchange, String rawId, String[] jobName) throws RequestRejected {
        Authorizer.check(exchange.getRequestHeaders().getFirst("Authorization"), token);
        String namespace = query(exchange).getOrDefault("namespace", "default");
        ObjectNode job = store.find(namespace, URLDecoder.decode(rawId, StandardCharsets.UTF_8));
        jobName[0] = DoubleJson.text(job, "Name");
        ObjectNode list = DoubleJson.MAPPER.createObjectNode();
        list.set("Items", JobRuns.items(runs.now(job, lifecycle).executions()));
        list.put("NextToken", "");
        return Reply.json(200, list);
    }

    /**
     * {@code PUT …/jobs/{idOrName}/rerun} with {"JobVersion": 0 = latest, "Reason"}: the job gets a new Version and a
     * new run (a new execution). Refused while Pending, Queued or Undefined (spec §19: IsRerunnable); the wording of
     * that refusal is the double's own.
     */
    private Reply rerun(HttpExchange exchange, String rawId, String[] jobName) throws RequestRejected, IOException {
        Authorizer.check(exchange.getRequestHeaders().getFirst("Authorization"), token);
        byte[] body = readBody(exchange);
        long wantedVersion = 0;
        if (body.length > 0) {
            try {
                wantedVersion = DoubleJson.number(DoubleJson.MAPPER.readTree(body), "JobVersion");
            } catch (IOException notJson) {
                throw new RequestRejected(ErrorBody.apiServer400("code=400, message=Syntax error: " + notJson.getMessage()));
            }
        }
        String namespace = query(exchange).getOrDefault("namespace", "default");
        ObjectNode job = store.find(namespace, URLDecoder.decode(rawId, StandardCharsets.UTF_8));
        String id = DoubleJson.text(job, "ID");
        jobName[0] = DoubleJson.text(job, "Name");
        long current = DoubleJson.number(job, "Version");
        if (wantedVersion != 0 && wantedVersion != current) {
            throw new RequestRejected(ErrorBody.of(404, "job version " + wantedVersion + " not found for job " + id,
                    "NotFound", "JobStore"));
        }
        String state = runs.now(job, lifecycle).state();
        if (List.of("Pending", "Queued", "Undefined").contains(state)) {
            throw new RequestRejected(ErrorBody.of(400, "job " + id + " cannot be rerun in state " + state,
                    "BadRequest", "Orchestrator"));
        }
        long version = store.rerun(id, nowNanos());
        runs.start(id, version, nodeId);
        ObjectNode answer = DoubleJson.MAPPER.createObjectNode();
        answer.put("EvaluationID", UUID.randomUUID().toString());
        answer.put("JobID", id);
        answer.put("JobVersion", version);
        answer.putNull("Warnings");
        return Reply.json(200, answer);
    }

    /** The order of spec §1.2: middleware (faults, auth, body limit), bind, validate, then SubmitJob. */
    private Reply submit(HttpExchange exchange, String[] jobName) throws RequestRejected, IOException {
        Optional<Reply> early = faults.takeEarlyFault();
        if (early.isPresent()) {
            return early.get();
        }
        Authorizer.check(exchange.getRequestHeaders().getFirst("Authorization"), token);
        byte[] body = readBody(exchange);
        PutJobRequestDecoder.Decoded request = bind(exchange, body);
        if (request.job() == null) {
            throw new RequestRejected(ErrorBody.apiServer400("empty/nil job"));
        }
        ObjectNode job = JobShape.decode(request.job());
        jobName[0] = DoubleJson.text(job, "Name");
        List<String> errors = validator.apply(job.deepCopy());
        if (errors != null && !errors.isEmpty()) {
            throw new RequestRejected(ErrorBody.apiServer400(String.join("\n", errors)));
        }
        FaultPlan.StoreFault fault = faults.drawStoreFault();
        if (fault == FaultPlan.StoreFault.BEFORE_STORE) {
            return Reply.error(FaultPlan.injected(503));
        }
        Reply stored;
        try {
            stored = store(exchange, job, request.force());
        } catch (RequestRejected rejected) {
            stored = Reply.error(rejected.error());
        }
        return fault == FaultPlan.StoreFault.AFTER_STORE ? Reply.error(FaultPlan.injected(503)) : stored;
    }

    private PutJobRequestDecoder.Decoded bind(HttpExchange exchange, byte[] body) throws RequestRejected {
        // echo binds nothing from a body declared empty, whatever its Content-Type
        if (body.length == 0 && "0".equals(exchange.getRequestHeaders().getFirst("Content-Length"))) {
            return new PutJobRequestDecoder.Decoded(null, false);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            throw new RequestRejected(ErrorBody.apiServer400("code=415, message=Unsupported Media Type"));
        }
        return PutJobRequestDecoder.decode(body);
    }

    /** SubmitJob: Normalize, SanitizeSubmission, client Meta, transformers, then the name upsert. */
    private Reply store(HttpExchange exchange, ObjectNode job, boolean force) throws RequestRejected {
        JobNormalizer.normalize(job);
        List<String> warnings = JobSanitizer.sanitize(job);
        ObjectNode meta = (ObjectNode) job.get("Meta");
        String installation = exchange.getRequestHeaders().getFirst("X-Bacalhau-InstallationID");
        String instance = exchange.getRequestHeaders().getFirst("X-Bacalhau-InstanceID");
        if (installation != null && !installation.isEmpty()) {
            meta.put("bacalhau.org/client.installation.id", installation);
        }
        if (instance != null && !instance.isEmpty()) {
            meta.put("bacalhau.org/client.instance.id", instance);
        }
        if (DoubleJson.text(job, "ID").isEmpty()) {
            job.put("ID", "j-" + UUID.randomUUID());
        }
        if (DoubleJson.text(job, "Name").isEmpty()) {
            job.put("Name", DoubleJson.text(job, "ID"));
        }
        meta.put("bacalhau.org/orchestrator.id", nodeId);
        meta.put("bacalhau.org/requester.id", nodeId);
        ObjectNode transformed = jobTransformer.apply(job);
        String name = DoubleJson.text(transformed, "Name");
        if (faults.rejects(name)) {
            throw new RequestRejected(ErrorBody.of(400, "job name " + name + " is rejected by the test orchestrator",
                    "BadRequest", "JobStore"));
        }
        NamedJobStore.Stored stored = store.submit(JobShape.encode(transformed), force, nowNanos());
        runs.start(stored.jobId(), stored.version(), nodeId);
        ObjectNode answer = DoubleJson.MAPPER.createObjectNode();
        answer.put("JobID", stored.jobId());
        answer.put("EvaluationID", UUID.randomUUID().toString());
        if (warnings.isEmpty()) {
            answer.putNull("Warnings");
        } else {
            warnings.forEach(answer.putArray("Warnings")::add);
        }
        return Reply.json(200, answer);
    }

    private static byte[] readBody(HttpExchange exchange) throws RequestRejected, IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(BODY_LIMIT + 1);
            if (body.length > BODY_LIMIT) {
                throw new RequestRejected(ErrorBody.of(413, "code=413, message=Request Entity Too Large",
                        "InternalError", "APIServer"));
            }
            return body;
        }
    }

    private void awaitDelay() {
        Duration delay = faults.delay();
        if (delay.isZero()) {
            return;
        }
        try {
            // a stop() ends the wait, so a stopped double never holds threads
            currentStopSignal().await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized CountDownLatch currentStopSignal() {
        return stopped;
    }

    private static void send(HttpExchange exchange, Reply reply) {
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
        byte[] bytes = reply.render(requestId == null ? "" : requestId);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Request-ID", requestId == null ? UUID.randomUUID().toString() : requestId);
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            out.write(bytes);
        } catch (IOException clientGone) {
            // the client timed out or the double was stopped mid-answer; the request is recorded all the same
        }
    }

    private static Reply methodNotAllowed() {
        return Reply.error(ErrorBody.of(405, "Method Not Allowed", "InternalError", "APIServer"));
    }

    private static boolean isSubmit(String method) {
        return method.equals("PUT") || method.equals("POST");
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
