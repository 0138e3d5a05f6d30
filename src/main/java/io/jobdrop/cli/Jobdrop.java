package io.jobdrop.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jobdrop} command line. */
@Command(name = "jobdrop", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
        description = "Feeds Bacalhau job files from an inbox folder or bucket to a Bacalhau orchestrator.",
        subcommands = {RunCommand.class, ValidateCommand.class, JobsCommand.class, ShowCommand.class, ReplayCommand.class})
public final class Jobdrop {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Jobdrop()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Jobdrop.class.getPackage().getImplementationVersion();
            return new String[] {"jobdrop " + (v == null ? "dev" : v)};
        }
    }
}
