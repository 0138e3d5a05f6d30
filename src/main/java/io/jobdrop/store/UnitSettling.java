package io.jobdrop.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs whose units a group commit's batch settles ({@link UnitResults}) as the last work of its transaction, all
 * in key order, rather than each inside the write that ended its job. Two writers (or instances) then take the unit
 * rows they both need in one order and never wait on each other in a circle: settled write by write, a batch that
 * ended jobs of units A then B and another that ended jobs of B then A could deadlock. Only a batch's first run, the
 * one without savepoints, defers: any failure there, the settling's own included, rolls the whole run back. When the
 * batch is then run write by write, each write settles its units itself, inside its savepoint, so a unit that cannot
 * be settled fails only the write that ended its job. Outside a group commit nothing is deferred.
 */
final class UnitSettling {

    private static final ThreadLocal<UnitSettling> OPEN = new ThreadLocal<>();

    private final List<String> jobIds = new ArrayList<>();

    private UnitSettling() {
    }

    /** Defers the settling of units asked for on this thread until {@link #settle}; {@link #close} stops deferring. */
    static UnitSettling open() {
        UnitSettling settling = new UnitSettling();
        OPEN.set(settling);
        return settling;
    }

    /** Settles the units of {@code jobId} now, or at the end of the group commit's transaction this thread runs. */
    static void settleUnitsOf(Connection c, String jobId) throws SQLException {
        UnitSettling open = OPEN.get();
        if (open == null) {
            UnitResults.settleUnitsOf(c, List.of(jobId));
        } else {
            open.jobIds.add(jobId);
        }
    }

    /** Settles every unit asked for since {@link #open}, in key order. */
    void settle(Connection c) throws SQLException {
        if (!jobIds.isEmpty()) {
            UnitResults.settleUnitsOf(c, jobIds);
        }
    }

    void close() {
        OPEN.remove();
    }
}
