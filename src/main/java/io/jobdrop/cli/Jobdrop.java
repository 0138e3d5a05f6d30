package io.jobdrop.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ScopeType;

import java.util.concurrent.Callable;

/**
 * The {@code jobdrop} command line. A usage error is one line and exit code 2; a failure at run time (a missing job,
 * a database that cannot be opened, a bad setting) is one line with a hint and exit code 1; {@code --verbose} adds
 * the stack trace.
 */
@Command(name = "jobdrop", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
        description = "Feeds Bacalhau job files from an inbox folder or bucket to a Bacalhau orchestrator.",
        subcommands = {RunCommand.class, ValidateCommand.class, JobsCommand.class, ShowCommand.class,
                ReplayCommand.class, RerunCommand.class, CompactCommand.class, PrepareCommand.class,
                ImportsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed at run time (the message says why)", "2:usage error"})
public final class Jobdrop implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    boolean verbose;

    /** {@code jobdrop} alone: a usage error that lists the commands. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "a command is needed: run, validate, jobs, show, replay, compact, prepare or help");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Jobdrop()).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Failures::usageError)
                .setExecutionExceptionHandler(Failures::runtimeError);
    }

    /** What jobdrop calls itself in logs and {@code --version}: "jobdrop 1.2.0", or "jobdrop dev" outside a jar. */
    public static String version() {
        String v = Jobdrop.class.getPackage().getImplementationVersion();
        return "jobdrop " + (v == null ? "dev" : v);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {version()};
        }
    }
}
