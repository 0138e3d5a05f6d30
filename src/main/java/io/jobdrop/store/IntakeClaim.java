package io.jobdrop.store;

/**
 * One intake unit as the ledger claims it. {@code source} is {@code "inbox"} or {@code "s3://bucket"}; {@code key}
 * identifies this version of the file (name + size + mtime, or object key + ETag), so a rewritten file is a new claim;
 * {@code displayName} is what people see (the file name or object key) and becomes the source of the versions it adds.
 */
public record IntakeClaim(String source, String key, String displayName) {
}
