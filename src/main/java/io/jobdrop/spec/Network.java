package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** Network modes of Bacalhau main (v1.7+), serialised by name. */
public enum Network {
    DEFAULT("Default"), NONE("None"), HOST("Host"), FULL("Full"), HTTP("HTTP"), BRIDGE("Bridge");

    private final String wireName;

    Network(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Bacalhau's text decoder: trimmed, case-insensitive. */
    public static Optional<Network> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Network n : values()) {
            if (n.wireName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
