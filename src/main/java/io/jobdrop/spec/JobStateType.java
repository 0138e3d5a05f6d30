package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Job state names; an unknown name decodes to {@link #UNDEFINED}, as in Bacalhau. */
public enum JobStateType {
    UNDEFINED("Undefined"), PENDING("Pending"), QUEUED("Queued"), RUNNING("Running"), COMPLETED("Completed"),
    FAILED("Failed"), STOPPED("Stopped");

    private final String wireName;

    JobStateType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static JobStateType parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (JobStateType t : values()) {
            if (t.wireName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return t;
            }
        }
        return UNDEFINED;
    }
}
