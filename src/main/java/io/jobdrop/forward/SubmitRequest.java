package io.jobdrop.forward;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code PUT /api/v1/orchestrator/jobs}: the body {@code {"Job": <spec>}} and its headers. Not a record on
 * purpose: a record's toString would print the token.
 */
public final class SubmitRequest {

    public static final String METHOD = "PUT";
    public static final String PATH = "/api/v1/orchestrator/jobs";

    private final String body;
    private final String token;

    private SubmitRequest(String body, String token) {
        this.body = body;
        this.token = token;
    }

    /**
     * @param specJson the job as a JSON object, sent as it is (the store already wrote it canonically)
     * @param token    the orchestrator API token, or null/blank for none
     */
    public static SubmitRequest of(String specJson, String token) {
        return new SubmitRequest("{\"Job\":" + checkedSpec(specJson) + "}", checkedToken(token));
    }

    /** {@code {"Job": <spec>, "Force": true}}: stored as a new version even when unchanged (a rerun's fallback). */
    public static SubmitRequest forced(String specJson, String token) {
        return new SubmitRequest("{\"Job\":" + checkedSpec(specJson) + ",\"Force\":true}", checkedToken(token));
    }

    /** The body of {@code PUT …/jobs/{id}/rerun}: the latest version (0), and why. */
    public static SubmitRequest rerun(String token) {
        return new SubmitRequest("{\"JobVersion\":0,\"Reason\":\"rerun requested through jobdrop\"}",
                checkedToken(token));
    }

    private static String checkedSpec(String specJson) {
        Objects.requireNonNull(specJson, "specJson");
        String spec = specJson.strip();
        if (!spec.startsWith("{") || !spec.endsWith("}")) {
            throw new IllegalArgumentException("the job spec must be a JSON object, got "
                    + (spec.isEmpty() ? "an empty string" : "text starting with '" + spec.charAt(0) + "'"));
        }
        return spec;
    }

    private static String checkedToken(String token) {
        String cleanToken = token == null || token.isBlank() ? null : token.strip();
        if (cleanToken != null && (cleanToken.indexOf('\n') >= 0 || cleanToken.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("the orchestrator token must not contain line breaks");
        }
        return cleanToken;
    }

    public String body() {
        return body;
    }

    /** Content-Type always (Bacalhau answers 400 {@code code=415} without it); Authorization only with a token. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return Map.copyOf(headers);
    }

    public boolean hasToken() {
        return token != null;
    }

    @Override
    public String toString() {
        return "SubmitRequest[" + METHOD + " " + PATH + ", " + body.getBytes(StandardCharsets.UTF_8).length + " bytes, "
                + (token == null ? "no Authorization" : "Authorization: Bearer ****") + "]";
    }
}
