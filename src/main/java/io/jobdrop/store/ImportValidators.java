package io.jobdrop.store;

/** What a URL import last saw of one URL: the validators for a conditional GET, and the body's SHA-256 (hex). */
public record ImportValidators(String etag, String lastModified, String bodySha256) {

    public static final ImportValidators NONE = new ImportValidators(null, null, null);
}
