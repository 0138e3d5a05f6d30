package io.jobdrop.store;

/** Where an intake unit goes once recorded: to done, or to error with its report. */
public enum Disposition {
    DONE("done"), ERROR("error");

    private final String column;

    Disposition(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    static Disposition fromColumn(String column) {
        for (Disposition d : values()) {
            if (d.column.equals(column)) {
                return d;
            }
        }
        throw new IllegalStateException("unknown disposition in intake_claims: " + column);
    }
}
