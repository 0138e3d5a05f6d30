package io.jobdrop.api;

import io.jobdrop.spec.JobJson;
import io.jobdrop.store.IntakeRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code id} of an intake unit in {@code /api/v1/files}: its ledger key (source and claim key) as one URL-safe
 * path segment. A source ({@code s3://bucket}) and a claim key (a file name) may hold any character, slashes included,
 * so they are not put in the path as they are.
 */
final class UnitIds {

    /** A unit's ledger key. */
    record UnitKey(String source, String claimKey) {
    }

    private UnitIds() {
    }

    static String of(IntakeRecord unit) {
        String json = JobJson.mapper().createArrayNode().add(unit.source()).add(unit.claimKey()).toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static UnitKey parse(String id) {
        try {
            var node = JobJson.mapper().readTree(Base64.getUrlDecoder().decode(id));
            if (node != null && node.isArray() && node.size() == 2 && node.get(0).isTextual()
                    && node.get(1).isTextual()) {
                return new UnitKey(node.get(0).asText(), node.get(1).asText());
            }
        } catch (IOException | IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.notFound("no taken file with id '" + id + "': pass the id an item of /api/v1/files carries");
    }
}
