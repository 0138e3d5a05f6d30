package io.jobdrop.spec;

import java.util.Map;
import java.util.Optional;

/**
 * Task environment variable rules ({@code pkg/models/env_var.go}). Bacalhau stops at the first bad entry and walks the
 * map in Go's random order; we walk the names in sorted (byte) order so the same file always gives the same error.
 */
public final class EnvVarRules {

    /** Bacalhau keeps this prefix for the variables it sets itself. */
    public static final String RESERVED_PREFIX = "BACALHAU_";

    private EnvVarRules() {
    }

    /** Adds the first failing entry, if any, at the path of its name ({@code env} may be null: no variables). */
    public static void validate(Map<String, String> env, Violations errors) {
        if (env == null) {
            return;
        }
        for (String name : GoText.sorted(env.keySet())) {
            Optional<String> problem = problemWith(name, env.get(name));
            if (problem.isPresent()) {
                errors.add(name, problem.get());
                return;
            }
        }
    }

    static Optional<String> problemWith(String name, String value) {
        if (name.isEmpty()) {
            return Optional.of("environment variable name cannot be empty");
        }
        if (!name.equals(GoText.toUpper(name))) {
            return Optional.of("environment variable '" + name + "' must be uppercase");
        }
        // Go tests the first byte, not the first rune: 'Ä' passes (0xC3 is 'Ã'), Hebrew letters do not (0xD7 is '×')
        if (!Character.isLetter(GoText.firstUtf8Byte(name))) {
            return Optional.of("environment variable '" + name + "' must start with a letter");
        }
        boolean onlyWordCharacters = name.codePoints()
                .allMatch(cp -> Character.isLetter(cp) || Character.isDigit(cp) || cp == '_');
        if (!onlyWordCharacters) {
            return Optional.of("environment variable '" + name + "' can only contain letters, numbers, and underscores");
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            return Optional.of("environment variable '" + name + "' cannot start with " + RESERVED_PREFIX);
        }
        if (GoText.orEmpty(value).isEmpty()) {
            return Optional.of("environment variable '" + name + "' cannot have empty value");
        }
        return Optional.empty();
    }
}
