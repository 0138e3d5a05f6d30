package io.jobdrop.forward;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names the token jobdrop sends without storing it: the first 64 bits of its SHA-256, enough to tell one token from
 * another, too little to stand for it. "none" when no token is sent.
 */
public final class CredentialsFingerprint {

    private CredentialsFingerprint() {
    }

    public static String of(String token) {
        if (token == null || token.isBlank()) {
            return "none";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
