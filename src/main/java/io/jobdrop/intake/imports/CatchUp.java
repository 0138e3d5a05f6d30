package io.jobdrop.intake.imports;

import java.util.Locale;

/** What an import does at start about the fires it missed while no instance ran it. */
public enum CatchUp {
    /** One fire, at the newest missed fire time (the default). */
    LAST,
    /** Nothing: the schedule resumes with its next fire. */
    NONE,
    /** Every missed fire, oldest first, at most {@link ImportCatalog#CATCH_UP_BOUND} of the newest. */
    ALL;

    static CatchUp parse(String text) {
        for (CatchUp mode : values()) {
            if (mode.word().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("catch-up must be last, none or all, got '" + text + "'");
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
