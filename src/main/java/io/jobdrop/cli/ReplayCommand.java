package io.jobdrop.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code jobdrop replay ID|NAME} or {@code --dead}: dead letters back into the outbox. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
        description = "Put dead letters back into the outbox; a running jobdrop sends them again.")
final class ReplayCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LedgerOptions ledgerOptions;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "ID|NAME", description = "The dead job to replay.")
        String idOrName;

        @Option(names = "--dead", description = "Replay every dead job.")
        boolean allDead;
    }

    @Override
    public Integer call() {
        int replayed;
        PrintWriter err = spec.commandLine().getErr();
        try (LedgerOptions.OpenLedger open = ledgerOptions.open()) {
            if (open.ledger().listJobs(null, 1).isEmpty()) {
                err.println("jobdrop replay: " + (target.allDead ? "nothing to replay" : "no job " + target.idOrName)
                        + " - " + open.emptyNote());
                return target.allDead ? 0 : Failures.RUNTIME;
            }
            try {
                replayed = target.allDead ? open.ledger().replayAllDead() : open.ledger().replay(target.idOrName);
            } catch (IllegalArgumentException e) {
                err.println("jobdrop replay: " + Failures.oneLine(e.getMessage()) + " - `jobdrop jobs` lists the jobs");
                return Failures.RUNTIME;
            }
        }
        spec.commandLine().getOut().printf("%d job%s back in the outbox%n", replayed, replayed == 1 ? "" : "s");
        if (replayed == 0 && !target.allDead) {
            err.println("jobdrop replay: " + target.idOrName
                    + " is not a dead letter - `jobdrop jobs --state dead` lists them");
            return Failures.RUNTIME;
        }
        return 0;
    }
}
