package io.jobdrop.intake.table;

import io.jobdrop.app.Outages;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.intake.JobFileIntake;
import io.jobdrop.spec.Problem;
import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerException;
import io.jobdrop.store.RecordedClaim;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The steps of one table source's route (routes/table-intake.camel.yaml): {@link #begin} the poll's transaction and
 * hand camel-jdbc the select; {@link #judge} the rows it took and record them in the ledger; {@link #writeBack} each
 * verdict through camel-jdbc; {@link #commit}. All of it is one transaction on the source database
 * ({@link TableTransaction}), so the rows stay locked from select to write-back.
 *
 * <p>A row is claimed in the ledger as {@code <id>|<hash of spec and vars>}: a crash after the ledger commit but
 * before the source's commit leaves the row {@code new} and its claim recorded, and the next poll writes the recorded
 * verdict back without judging or recording it again; a row id the ETL system reuses for other content is a new claim.
 */
public final class TableIntake {

    /** Set by {@link #begin} on a poll skipped while the source backs off after failures. */
    public static final String IDLE = "jobdropIdle";
    /** The exchange property the error policy finds the failing source's intake by. */
    public static final String INTAKE = "jobdropTableIntake";
    /** The number of accepted rows a poll wrote back (the route nudges the forwarder when there are any). */
    public static final String ACCEPTED = "jobdropTableAccepted";

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.intake");
    private static final String WRITE_BACKS = "jobdropTableWriteBacks";

    private final TableSettings settings;
    private final TableTransaction transaction;
    private final JobFileReader reader;
    private final JobFileIntake files;
    private final JobLedger ledger;
    private final TableStatus status;
    private final TableMetrics metrics;
    private final Outages outages;
    private final Clock clock;
    private final long maxSpecBytes;

    TableIntake(TableSettings settings, TableTransaction transaction, JobFileReader reader, JobFileIntake files,
                JobLedger ledger, TableStatus status, TableMetrics metrics, Outages outages, Clock clock,
                long maxSpecBytes) {
        this.settings = settings;
        this.transaction = transaction;
        this.reader = reader;
        this.files = files;
        this.ledger = ledger;
        this.status = status;
        this.metrics = metrics;
        this.outages = outages;
        this.clock = clock;
        this.maxSpecBytes = maxSpecBytes;
    }

    /** The name the source's outages go by in the log: {@code table etl}. */
    public String dependency() {
        return "table " + settings.name();
    }

    /**
     * Opens the poll's transaction and answers the select for camel-jdbc; a poll due only later (backing off after
     * failures) is marked {@link #IDLE} and opens nothing. The transaction is ended whatever becomes of the exchange.
     */
    public String begin(Exchange exchange) {
        exchange.setProperty(INTAKE, this);
        if (!status.due(clock.instant())) {
            exchange.setProperty(IDLE, true);
            return null;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                transaction.release(); // a no-op after commit
            }
        });
        try {
            transaction.begin();
        } catch (SQLException e) {
            throw failure("cannot connect", e);
        }
        return TableSql.select(settings);
    }

    /**
     * Judges the rows camel-jdbc selected, as dropped files would be judged, and records them in the ledger (one
     * group commit for the batch); rows recorded before (a crash before the write-back) are not judged again. Answers
     * one write-back per row, each made of what the ledger holds for the row.
     */
    public List<Map<String, Object>> judge(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> selected = exchange.getMessage().getBody(List.class);
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> columns : selected) {
            rows.add(row(columns));
        }
        List<String> keys = rows.stream().map(Row::claimKey).toList();
        Map<String, RecordedClaim> recorded = ledger.recordedClaims(settings.source(), keys);
        List<CompletableFuture<JobFileIntake.Taken>> pending = new ArrayList<>();
        for (Row row : rows) {
            RecordedClaim before = recorded.get(row.claimKey());
            if (before == null) {
                pending.add(files.submit(row.claim(), verdict(row)));
            } else {
                LOG.info("{}: recorded before as {}, writing the verdict back", row.name(),
                        before.rejected() ? "rejected" : "accepted");
            }
        }
        for (CompletableFuture<JobFileIntake.Taken> write : pending) {
            JobLedger.await(write);
        }
        if (!pending.isEmpty()) {
            recorded = ledger.recordedClaims(settings.source(), keys);
        }
        List<Map<String, Object>> writeBacks = new ArrayList<>();
        int accepted = 0;
        for (Row row : rows) {
            RecordedClaim claim = recorded.get(row.claimKey());
            if (claim == null) {
                throw new LedgerException("the ledger has no record of " + row.name() + " after recording it");
            }
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put(TableSql.ROW_HEADER, row.id());
            headers.put(TableSql.STATUS_HEADER, claim.rejected() ? "rejected" : "accepted");
            headers.put(TableSql.JOB_IDS_HEADER, claim.rejected() ? null : claim.jobs());
            headers.put(TableSql.ERRORS_HEADER, claim.rejected() ? claim.report() : null);
            writeBacks.add(headers);
            accepted += claim.rejected() ? 0 : 1;
        }
        exchange.setProperty(ACCEPTED, accepted);
        exchange.setProperty(WRITE_BACKS, writeBacks.size());
        return writeBacks;
    }

    /** One row's write-back: the verdict as the statement's parameters, the statement as the body for camel-jdbc. */
    public String writeBack(Exchange exchange) {
        if (!transaction.isOpen()) {
            throw new PollAbandoned();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = exchange.getMessage().getBody(Map.class);
        headers.forEach((name, value) -> exchange.getMessage().setHeader(name, value));
        return TableSql.writeBack(settings);
    }

    /** Commits the poll: the write-backs become visible to the ETL system and the rows' locks are released. */
    public void commit(Exchange exchange) {
        if (!transaction.isOpen()) {
            throw new PollAbandoned();
        }
        try {
            transaction.commit();
        } catch (SQLException e) {
            throw failure("cannot commit the write-back", e);
        }
        status.polled(clock.instant());
        outages.recovered(dependency());
        int written = exchange.getProperty(WRITE_BACKS, 0, Integer.class);
        int accepted = exchange.getProperty(ACCEPTED, 0, Integer.class);
        metrics.writtenBack(accepted, written - accepted);
    }

    /**
     * From the error policy: the poll failed. Its transaction is rolled back, so its rows stay {@code new}; what was
     * recorded in the ledger stays recorded and is written back by a later poll. A ledger failure is the ledger's
     * outage (reported by the ledger); anything else is this source's: backoff, health, one log line per outage.
     */
    public void failed(Exchange exchange) {
        transaction.release();
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause instanceof PollAbandoned) {
            return; // the failure that ended the poll was reported
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LedgerException) {
                LOG.debug("{}: poll ended by a ledger failure; its rows stay new", dependency(), t);
                return;
            }
        }
        String why = describe(cause);
        status.failed(why, clock.instant());
        metrics.pollFailed();
        outages.failing(dependency(), why);
    }

    private String describe(Throwable cause) {
        if (cause instanceof TableException) {
            return cause.getMessage();
        }
        return failure("poll failed", cause).getMessage();
    }

    private TableException failure(String what, Throwable cause) {
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == null ? "unknown failure" : root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        return new TableException(dependency() + " (" + settings.table() + " at " + withoutSecrets(settings.url())
                + "): " + what + ": " + message, cause);
    }

    /** A JDBC URL may carry a password (PostgreSQL's ?password=, H2's ;PASSWORD=): messages leave it out. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * A step of a poll whose transaction an earlier failure already ended: a row's failed write-back is handled in
     * its own split exchange, and the remaining write-backs and the commit of that poll must not run (nor count as
     * failures again).
     */
    static final class PollAbandoned extends RuntimeException {
        PollAbandoned() {
            super("the poll's transaction was rolled back by an earlier failure", null, false, false);
        }
    }

    /** One selected row, with what it is claimed as. */
    private record Row(Object id, String name, byte[] spec, String vars, IntakeClaim claim) {
        String claimKey() {
            return claim.key();
        }
    }

    private Row row(Map<String, Object> selected) {
        Map<String, Object> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER); // H2 answers labels in upper case
        columns.putAll(selected);
        Object id = columns.get(TableSql.ID);
        byte[] spec = bytes(columns.get(TableSql.SPEC));
        Object varsValue = columns.get(TableSql.VARS);
        String vars = varsValue == null ? null : new String(bytes(varsValue), StandardCharsets.UTF_8);
        String name = settings.rowName(id);
        String key = id + "|" + contentHash(spec, vars);
        return new Row(id, name, spec, vars, new IntakeClaim(settings.source(), key, name));
    }

    private FileVerdict verdict(Row row) {
        if (row.spec().length > maxSpecBytes) {
            return FileVerdict.rejected(row.name(), List.of(Problem.unplaced(
                    JobFileReader.tooLarge(row.spec().length, maxSpecBytes))), List.of());
        }
        RowVars.Parsed vars = RowVars.parse(settings.columns().vars(), row.vars());
        if (!vars.problems().isEmpty()) {
            return FileVerdict.rejected(row.name(), vars.problems(), List.of());
        }
        return reader.read(row.name(), row.spec(), vars.vars());
    }

    /** A text column as bytes: a String on PostgreSQL, a CLOB on H2 (readable while the poll's connection is open). */
    private byte[] bytes(Object value) {
        try {
            if (value == null) {
                return new byte[0];
            }
            if (value instanceof byte[] raw) {
                return raw;
            }
            if (value instanceof Clob clob) {
                try (Reader in = clob.getCharacterStream()) {
                    StringWriter out = new StringWriter();
                    in.transferTo(out);
                    return out.toString().getBytes(StandardCharsets.UTF_8);
                }
            }
            if (value instanceof Blob blob) {
                try (InputStream in = blob.getBinaryStream()) {
                    return in.readAllBytes();
                }
            }
            return value.toString().getBytes(StandardCharsets.UTF_8);
        } catch (SQLException | IOException e) {
            throw failure("cannot read a row", e);
        }
    }

    private static String contentHash(byte[] spec, String vars) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(spec);
            sha.update((byte) 0);
            if (vars != null) {
                sha.update(vars.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
