package io.jobdrop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP intake under load: {@code clients} concurrent clients post the job files one per request to
 * {@code POST /api/v1/jobs}, as batch programs would, each waiting for its answer before the next post. Measures the
 * accepted jobs per second over the whole burst and each request's response time.
 */
final class HttpBurst {

    static final int CLIENTS = 4;

    record Result(int files, long acceptedJobs, long refused, double seconds, Percentiles latency, int clients) {

        double jobsPerSecond() {
            return acceptedJobs / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpBurst() {
    }

    static Result run(URI jobs, List<Generator.StagedFile> files, int clients, Duration timeout) {
        // the files are read before the clock starts: the burst measures jobdrop, not this disk
        List<byte[]> bodies = new ArrayList<>(files.size());
        for (Generator.StagedFile file : files) {
            try {
                bodies.add(Files.readAllBytes(file.path()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>(files.size()));
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        String name = files.get(i).path().getFileName().toString().toLowerCase(Locale.ROOT);
                        HttpRequest request = HttpRequest.newBuilder(jobs).timeout(timeout)
                                .header("Content-Type", name.endsWith(".json") ? "application/json" : "application/yaml")
                                .header("X-Jobdrop-Source", name)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
                        long sent = System.nanoTime();
                        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                        micros.add((System.nanoTime() - sent) / 1_000);
                        if (answer.statusCode() == 200 || answer.statusCode() == 201) {
                            JsonNode body = JSON.readTree(answer.body());
                            accepted.addAndGet(body.get("jobs").size());
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(timeout.toMillis() * Math.max(1, bodies.size()), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new BenchFailure("posting job files failed: " + e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new BenchFailure("posting job files did not finish in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while posting job files");
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(files.size(), accepted.get(), refused.get(), seconds, Percentiles.ofMicros(micros), clients);
    }
}
