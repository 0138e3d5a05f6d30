package io.jobdrop.app;

/**
 * A setting whose value cannot be used. The message names the key, the value and where it came from, so the user
 * knows which flag, -D, environment variable or file to fix: {@code jobdrop.forward.max-attempts: "lots" is not a
 * number (from environment variable JOBDROP_FORWARD_MAX_ATTEMPTS)}.
 */
public final class SettingException extends IllegalArgumentException {

    private final String key;

    public SettingException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
