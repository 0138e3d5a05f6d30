package io.jobdrop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The harness's side of the {@link StandIn}: its counters, the arrival times, and a reset between phases. */
final class StandInClient {

    /** {@code polled}: job GETs, the cost of following the delivered jobs. */
    record Stats(long received, long distinct, long duplicates, long rejected, long polled, long lastArrivalMicros) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    StandInClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    String baseUrl() {
        return baseUrl;
    }

    Stats stats() {
        try {
            JsonNode stats = JSON.readTree(call("GET", "/stats"));
            return new Stats(stats.get("received").asLong(), stats.get("distinct").asLong(),
                    stats.get("duplicates").asLong(), stats.get("rejected").asLong(),
                    stats.get("polled").asLong(), stats.get("lastArrivalMicros").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First arrival of each job Name, epoch micros. */
    Map<String, Long> arrivals() {
        Map<String, Long> arrivals = new HashMap<>();
        for (String line : call("GET", "/arrivals").split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                arrivals.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
            }
        }
        return arrivals;
    }

    void reset() {
        call("POST", "/reset");
    }

    private String call(String method, String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            if (method.equals("POST")) {
                connection.setDoOutput(true);
                connection.getOutputStream().close();
            }
            if (connection.getResponseCode() != 200) {
                throw new IOException(method + " " + path + " → HTTP " + connection.getResponseCode());
            }
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stand-in " + method + " " + path + " failed", e);
        }
    }
}
