package io.jobdrop.intake;

import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.spec.Problem;
import io.jobdrop.store.FileOutcome;
import io.jobdrop.store.JobChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per job outcome, naming the file and the job; shared by every intake (inbox, bucket). */
public final class IntakeLog {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.intake");

    public void outcome(String source, FileVerdict verdict, FileOutcome outcome) {
        source = FileNames.forLog(source);
        if (outcome.alreadyRecorded()) {
            // whoever files or moves it next says so; another instance that got there first logs nothing
            LOG.debug("{}: already recorded ({})", source, outcome.disposition());
            return;
        }
        if (!verdict.accepted()) {
            Problem first = verdict.errors().get(0);
            int more = verdict.errors().size() - 1;
            LOG.warn("{}: rejected: {}{}{}", source, where(first), first.message().replace('\n', ' '),
                    more > 0 ? " (+" + more + " more)" : "");
            return;
        }
        for (JobChange change : outcome.changes()) {
            LOG.info("{}: job {} ({}/{}) {} as version {}", source, change.jobId(), change.namespace(), change.name(),
                    change.change().name().toLowerCase(), change.version());
        }
    }

    private static String where(Problem p) {
        String at = p.line() > 0 ? p.line() + ":" + p.column() + " " : "";
        return p.path().isEmpty() ? at : at + p.path() + ": ";
    }
}
