package io.jobdrop.intake;

/**
 * One object as the bucket listed it. {@code eTag} is the store's entity tag (quotes included, as S3 sends it); it
 * changes whenever new content is uploaded under the key, which makes {@code key|eTag} the identity of one version.
 */
public record BucketObject(String key, String eTag, long size) {

    /** The entity tag without S3's quotes, as the ledger records it. */
    public String version() {
        return unquoted(eTag);
    }

    static String unquoted(String eTag) {
        if (eTag == null) {
            return "";
        }
        boolean quoted = eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"");
        return quoted ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
