package io.jobdrop.intake;

import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.spec.Problem;
import io.jobdrop.store.FileOutcome;
import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per job outcome, naming the file and the job; shared by every intake (inbox, bucket). */
public final class IntakeLog {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.intake");

    public void outcome(IntakeClaim claim, FileVerdict verdict, FileOutcome outcome) {
        if (outcome.alreadyRecorded() && claim.source().equals("inbox")) {
            // several instances may find an inbox file recorded; the one that files it logs it (InboxSettler)
            LOG.debug("{}: already recorded ({})", FileNames.forLog(claim.displayName()), outcome.disposition());
            return;
        }
        outcome(claim.displayName(), verdict, outcome);
    }

    public void outcome(String source, FileVerdict verdict, FileOutcome outcome) {
        source = FileNames.forLog(source);
        if (outcome.alreadyRecorded()) {
            LOG.atInfo().addKeyValue("file", source).log("{}: already recorded ({}), moving it", source,
                    outcome.disposition());
            return;
        }
        if (!verdict.accepted()) {
            Problem first = verdict.errors().get(0);
            int more = verdict.errors().size() - 1;
            LOG.atWarn().addKeyValue("file", source).log("{}: rejected: {}{}{}", source, where(first),
                    first.message().replace('\n', ' '), more > 0 ? " (+" + more + " more)" : "");
            return;
        }
        for (JobChange change : outcome.changes()) {
            // the fields are for JSON logs (jobdrop.log.format=json); text lines show the message alone
            LOG.atInfo().addKeyValue("file", source).addKeyValue("jobId", change.jobId())
                    .addKeyValue("namespace", change.namespace()).addKeyValue("name", change.name())
                    .addKeyValue("version", change.version())
                    .log("{}: job {} ({}/{}) {} as version {}", source, change.jobId(), change.namespace(),
                            change.name(), change.change().name().toLowerCase(), change.version());
        }
    }

    private static String where(Problem p) {
        String at = p.line() > 0 ? p.line() + ":" + p.column() + " " : "";
        return p.path().isEmpty() ? at : at + p.path() + ": ";
    }
}
