package io.jobdrop.cli;

import io.jobdrop.app.SettingException;
import io.jobdrop.store.LedgerException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/** How the command line reports what went wrong: one line each, a stack trace only with --verbose. */
final class Failures {

    static final int RUNTIME = 1;
    static final int USAGE = 2;

    private Failures() {
    }

    /** A usage error: the message and where to read more, exit code 2. */
    static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return USAGE;
    }

    /** A failure while running: one line with a hint, exit code 1. */
    static int runtimeError(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + describe(e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return RUNTIME;
    }

    /** The message of the most telling cause, with a hint on what to check. */
    static String describe(Throwable failure) {
        SettingException setting = find(failure, SettingException.class);
        if (setting != null) {
            return oneLine(setting.getMessage());
        }
        LedgerException ledger = find(failure, LedgerException.class);
        if (ledger != null) {
            return oneLine(ledger.getMessage())
                    + " - check --db (or JOBDROP_DB_URL), and that the database is running and reachable";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return oneLine(message) + " (--verbose shows where)";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
