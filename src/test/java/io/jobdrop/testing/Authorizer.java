package io.jobdrop.testing;

/**
 * Bacalhau main's API-key authorizer (spec §18), for one key: jobs endpoints need {@code Authorization: Bearer <key>};
 * the open agent endpoints do not.
 */
final class Authorizer {

    private Authorizer() {
    }

    /** @param header the Authorization header, or null; @param token the accepted key, or null for no auth */
    static void check(String header, String token) throws RequestRejected {
        if (token == null) {
            return;
        }
        if (header == null) {
            throw new RequestRejected(unauthorized("Missing Authorization header"));
        }
        if (!header.startsWith("Bearer ") && !header.startsWith("Basic ")) {
            throw new RequestRejected(unauthorized("unsupported authentication method"));
        }
        if (header.startsWith("Basic ")) {
            throw new RequestRejected(unauthorized("authentication failed"));
        }
        String key = header.substring("Bearer ".length());
        if (key.isEmpty()) {
            throw new RequestRejected(unauthorized("authentication failed: empty API key provided"));
        }
        if (!key.equals(token)) {
            throw new RequestRejected(unauthorized("authentication failed: invalid API key"));
        }
    }

    static ErrorBody unauthorized(String reason) {
        return ErrorBody.of(401, "Request Unauthorized", "Unauthorized", "Authorizer")
                .withHint("Unauthorized principal. Event has been recorded.")
                .withDetail("reason", reason);
    }
}
