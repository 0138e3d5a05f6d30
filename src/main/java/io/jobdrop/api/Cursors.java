package io.jobdrop.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jobdrop.spec.JobJson;
import io.jobdrop.store.IntakeCursor;
import io.jobdrop.store.JobCursor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Page cursors as opaque URL-safe strings: the keyset position of a page's last item, which the next request hands
 * back as {@code after}. A cursor is not a secret and not signed; a forged one only pages from elsewhere.
 */
final class Cursors {

    private Cursors() {
    }

    static String encode(JobCursor cursor) {
        return cursor == null ? null
                : encode(JobJson.mapper().createArrayNode().add(cursor.createTime()).add(cursor.id()));
    }

    static JobCursor decodeJob(String text) {
        if (text == null) {
            return null;
        }
        JsonNode node = decode(text);
        if (node.size() != 2 || !node.get(0).isIntegralNumber() || !node.get(1).isTextual()) {
            throw invalid(text);
        }
        return new JobCursor(node.get(0).asLong(), node.get(1).asText());
    }

    static String encode(IntakeCursor cursor) {
        return cursor == null ? null : encode(JobJson.mapper().createArrayNode().add(cursor.claimedAt().toString())
                .add(cursor.source()).add(cursor.claimKey()));
    }

    static IntakeCursor decodeIntake(String text) {
        if (text == null) {
            return null;
        }
        JsonNode node = decode(text);
        if (node.size() != 3 || !node.get(0).isTextual() || !node.get(1).isTextual() || !node.get(2).isTextual()) {
            throw invalid(text);
        }
        try {
            return new IntakeCursor(Instant.parse(node.get(0).asText()), node.get(1).asText(), node.get(2).asText());
        } catch (RuntimeException e) {
            throw invalid(text);
        }
    }

    private static String encode(ArrayNode position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(position.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode decode(String text) {
        try {
            JsonNode node = JobJson.mapper().readTree(Base64.getUrlDecoder().decode(text));
            if (node == null || !node.isArray()) {
                throw invalid(text);
            }
            return node;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw invalid(text);
        }
    }

    private static ApiException invalid(String text) {
        return ApiException.badParameter("query parameter after: '" + text
                + "' is not a cursor this API gave out; pass the 'next' of the previous page");
    }
}
