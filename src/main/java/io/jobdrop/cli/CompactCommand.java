package io.jobdrop.cli;

import io.jobdrop.app.LedgerUrl;
import io.jobdrop.app.Settings;
import io.jobdrop.store.LedgerCompaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code jobdrop compact}: an H2 ledger's file shrunk to its live data, while no jobdrop holds it. */
@Command(name = "compact", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
        description = "Shrink an H2 ledger's file to its live data (stop jobdrop first; `run` also does it at start"
                + " when less than half of the file is live).")
final class CompactCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LedgerOptions ledgerOptions;

    @Override
    public Integer call() {
        Settings settings = ledgerOptions.settings();
        String url = LedgerUrl.checked(settings);
        LedgerCompaction.Result result = LedgerCompaction.compact(url, settings.text("jobdrop.db.user"),
                settings.secret("jobdrop.db.password"));
        spec.commandLine().getOut().println("compacted " + LedgerUrl.display(url) + ": " + result.describe());
        return 0;
    }
}
