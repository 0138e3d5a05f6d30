package io.jobdrop.intake.table;

/**
 * The two statements of a table source's route, in SQL that PostgreSQL and H2 2.x both take. Rows are taken with
 * {@code FOR UPDATE SKIP LOCKED}: a row another instance (or the ETL system) holds is passed over rather than waited
 * for, so several instances share the table without taking a row twice. Columns are read under fixed aliases, so the
 * route's beans need not know how a table names them.
 */
public final class TableSql {

    public static final String ID = "jobdrop_id";
    public static final String SPEC = "jobdrop_spec";
    public static final String VARS = "jobdrop_vars";
    /** The headers the write-back takes its parameters from (camel-jdbc useHeadersAsParameters). */
    public static final String STATUS_HEADER = "jobdropStatus";
    public static final String JOB_IDS_HEADER = "jobdropJobIds";
    public static final String ERRORS_HEADER = "jobdropErrors";
    public static final String ROW_HEADER = "jobdropRowId";

    private TableSql() {
    }

    /** The oldest waiting rows, at most one batch, locked until the poll's transaction ends. */
    public static String select(TableSettings settings) {
        TableSettings.Columns c = settings.columns();
        return "SELECT " + c.id() + " AS " + ID + ", " + c.spec() + " AS " + SPEC + ", " + c.vars() + " AS " + VARS
                + " FROM " + settings.table() + " WHERE " + c.status() + " = 'new' ORDER BY " + c.id()
                + " FETCH FIRST " + settings.batch() + " ROWS ONLY FOR UPDATE SKIP LOCKED";
    }

    /** One row's verdict. {@code status = 'new'} keeps a row that someone already settled as it is. */
    public static String writeBack(TableSettings settings) {
        TableSettings.Columns c = settings.columns();
        return "UPDATE " + settings.table() + " SET " + c.status() + " = :?" + STATUS_HEADER + ", " + c.jobIds()
                + " = :?" + JOB_IDS_HEADER + ", " + c.errors() + " = :?" + ERRORS_HEADER + ", " + c.takenAt()
                + " = CURRENT_TIMESTAMP WHERE " + c.id() + " = :?" + ROW_HEADER + " AND " + c.status() + " = 'new'";
    }
}
