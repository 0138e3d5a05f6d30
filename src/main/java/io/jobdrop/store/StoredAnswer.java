package io.jobdrop.store;

/** The first answer to a keyed HTTP intake request, as its repeats get it back: HTTP status and JSON body. */
public record StoredAnswer(int status, String body) {
}
