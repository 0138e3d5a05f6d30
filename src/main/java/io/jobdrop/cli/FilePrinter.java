package io.jobdrop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobdrop.store.FileRecord;
import io.jobdrop.store.JobEvent;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** How {@code jobdrop show FILE} prints one recorded inbox file. */
final class FilePrinter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FilePrinter() {
    }

    static void print(PrintWriter out, FileRecord file) {
        if (file.tableRow()) {
            // a row is not filed anywhere: its verdict is written back into it (status, job_ids, errors)
            out.printf("row %s  %s  taken %s  from %s%n", file.sourceName(),
                    file.disposition().toString().toLowerCase(), file.claimedAt(), file.source());
        } else {
            out.printf("file %s  %s  taken %s%n", file.sourceName(), file.disposition().toString().toLowerCase(),
                    file.claimedAt());
            out.println("  now at: " + place(file));
        }
        if (file.report() != null) {
            out.println("  errors:");
            for (JsonNode problem : errors(file.report())) {
                int line = problem.path("line").asInt();
                String path = problem.path("path").asText();
                out.printf("    %s%s%s%n", line > 0 ? line + ":" + problem.path("column").asInt() + " " : "",
                        path.isEmpty() ? "" : path + ": ", problem.path("message").asText());
            }
        }
        if (!file.jobs().isEmpty()) {
            out.println("  jobs:");
            for (JobEvent job : file.jobs()) {
                out.printf("    %s  %s/%s  v%s  %s%n", job.jobId(), job.namespace(), job.name(), job.version(),
                        job.type().toString().toLowerCase());
            }
        }
    }

    /** Where the file was filed, and whether it is still there (people move files out of .done/). */
    private static String place(FileRecord file) {
        if (file.placedAs() == null) {
            return "not filed yet (still in the inbox, or filed by a jobdrop older than this one)";
        }
        Path inbox = Path.of(file.sourceName()).toAbsolutePath().getParent();
        Path placed = inbox.resolve(file.placedAs());
        return file.placedAs() + " (" + placed + (Files.exists(placed, LinkOption.NOFOLLOW_LINKS) ? ")"
                : ", no longer there)");
    }

    private static Iterable<JsonNode> errors(String report) {
        try {
            return JSON.readTree(report);
        } catch (Exception e) {
            return JSON.createArrayNode().add(JSON.createObjectNode().put("message", report));
        }
    }
}
