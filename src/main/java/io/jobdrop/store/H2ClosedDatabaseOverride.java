package io.jobdrop.store;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the pool that an H2 connection whose database closed itself is dead. H2 closes an embedded database on a
 * write error (a full disk); its SQLStates are not among those Hikari knows as fatal, so the pool kept handing out
 * connections to the closed database and the ledger stayed down until a restart. Evicted, they are replaced by new
 * connections, which open the database again once it can be written.
 */
public final class H2ClosedDatabaseOverride implements SQLExceptionOverride {

    /** DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN, IO_EXCEPTION_1, IO_EXCEPTION_2, CONNECTION_BROKEN_1. */
    private static final Set<Integer> DEAD = Set.of(90098, 90121, 90028, 90031, 90067);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && DEAD.contains(sql.getErrorCode())) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
