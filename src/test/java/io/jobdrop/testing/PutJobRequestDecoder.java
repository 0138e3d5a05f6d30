package io.jobdrop.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * Binds a submit body to Bacalhau's {@code apimodels.PutJobRequest {Job *models.Job; Force bool}} the way echo's JSON
 * binder does (spec §1.2 step 2, §17): Go's syntax errors, {@code unexpected EOF}, and type errors for the request's
 * own fields. Type errors inside the job are not reproduced.
 */
final class PutJobRequestDecoder {

    /** {@code job} is null when the request carries no job (Go's nil). */
    record Decoded(JsonNode job, boolean force) {
    }

    private static final String REQUEST_TYPE = "apimodels.PutJobRequest";

    private PutJobRequestDecoder() {
    }

    static Decoded decode(byte[] body) throws RequestRejected {
        GoJsonSyntax.Result first = GoJsonSyntax.firstValue(body);
        if (first instanceof GoJsonSyntax.SyntaxError e) {
            throw bindError("Syntax error: offset=" + e.offset() + ", error=" + e.message(), e.message());
        }
        if (first instanceof GoJsonSyntax.Eof eof) {
            throw bindError(eof.message(), eof.message());
        }
        int end = ((GoJsonSyntax.Value) first).end();
        try (JsonParser parser = DoubleJson.MAPPER.createParser(body, 0, end)) {
            return bind(parser);
        } catch (IOException e) {
            // only invalid UTF-8 gets here: Go's scanner accepts it, Jackson does not
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable body");
            throw bindError("Syntax error: offset=0, error=" + reason, reason);
        }
    }

    private static Decoded bind(JsonParser parser) throws IOException, RequestRejected {
        JsonToken top = parser.nextToken();
        if (top == JsonToken.VALUE_NULL) {
            return new Decoded(null, false);
        }
        if (top != JsonToken.START_OBJECT) {
            throw typeError(REQUEST_TYPE, kind(top), "", offsetAfter(parser, top),
                    "json: cannot unmarshal " + kind(top) + " into Go value of type " + REQUEST_TYPE);
        }
        JsonNode job = null;
        boolean force = false;
        RequestRejected firstError = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equalsIgnoreCase("Job")) {
                if (value == JsonToken.START_OBJECT) {
                    job = parser.readValueAsTree();
                } else if (value == JsonToken.VALUE_NULL) {
                    job = null;
                } else {
                    firstError = firstError != null ? firstError : fieldTypeError("models.Job", value, "Job", parser);
                    parser.skipChildren();
                }
            } else if (key.equalsIgnoreCase("Force")) {
                if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                    force = value == JsonToken.VALUE_TRUE;
                } else if (value != JsonToken.VALUE_NULL) {
                    firstError = firstError != null ? firstError : fieldTypeError("bool", value, "Force", parser);
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
        }
        if (firstError != null) {
            // encoding/json keeps decoding after a type error and reports the first one at the end
            throw firstError;
        }
        return new Decoded(job, force);
    }

    private static RequestRejected fieldTypeError(String goType, JsonToken token, String field, JsonParser parser)
            throws IOException {
        return typeError(goType, kind(token), field, offsetAfter(parser, token), "json: cannot unmarshal " + kind(token)
                + " into Go struct field PutJobRequest." + field + " of type " + goType);
    }

    private static RequestRejected typeError(String goType, String got, String field, long offset, String internal) {
        return bindError("Unmarshal type error: expected=" + goType + ", got=" + got + ", field=" + field
                + ", offset=" + offset, internal);
    }

    /** Echo's HTTPError text: {@code code=400, message=<m>, internal=<go error>}. */
    private static RequestRejected bindError(String message, String internal) {
        return new RequestRejected(ErrorBody.apiServer400("code=400, message=" + message + ", internal=" + internal));
    }

    /** Where Go's decoder stands when it notices: just past a scalar, or just inside an array or object. */
    private static long offsetAfter(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
            return parser.currentTokenLocation().getByteOffset() + 1;
        }
        parser.finishToken();
        return parser.currentLocation().getByteOffset();
    }

    private static String kind(JsonToken token) {
        switch (token) {
            case START_ARRAY:
                return "array";
            case START_OBJECT:
                return "object";
            case VALUE_STRING:
                return "string";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "bool";
            default:
                return "number";
        }
    }
}
