package io.jobdrop.cli;

import io.jobdrop.store.JobSummary;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text table of {@code jobdrop jobs}: where each job stands in jobdrop (queued, submitted with the
 * orchestrator's job ID, dead), not the state stamped into the job when it was received. Columns are as wide as
 * their longest value, so long names stay whole and aligned.
 */
final class JobTable {

    private static final String[] HEADERS = {"ID", "NAMESPACE", "NAME", "VERSION", "STATUS", "ORCHESTRATOR JOB",
            "UPDATED", "LAST ERROR"};

    private JobTable() {
    }

    static void print(List<JobSummary> jobs, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (JobSummary job : jobs) {
            rows.add(new String[] {job.id(), job.namespace(), job.name(), Long.toString(job.version()), status(job),
                    job.orchestratorJobId() == null ? "-" : job.orchestratorJobId(),
                    job.updatedAt() == null ? "" : job.updatedAt().toString(),
                    job.lastError() == null ? "" : Failures.oneLine(job.lastError())});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                line.append(last ? row[i] : pad(row[i], widths[i], i == 3)).append(last ? "" : "  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String status(JobSummary job) {
        return job.delivery().toString().toLowerCase(Locale.ROOT);
    }

    private static String pad(String value, int width, boolean right) {
        String fill = " ".repeat(width - value.length());
        return right ? fill + value : value + fill;
    }
}
