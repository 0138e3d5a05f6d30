package io.jobdrop.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The identity of one version of a dropped file: what it is called, when it was written and what it holds. */
final class ContentKey {

    private ContentKey() {
    }

    static String of(String name, long modified, byte[] content) {
        return name + "|" + modified + "|" + sha256(content);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
