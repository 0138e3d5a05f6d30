package io.jobdrop.app;

import io.jobdrop.intake.InboxStatus;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * DOWN when the inbox folder is missing or not writable, when its volume has no space left, or while recorded files
 * cannot be filed into .done/.error (the message names the cause as the file system gave it).
 */
final class InboxHealthCheck extends AbstractHealthCheck {

    private final Path inbox;
    private final InboxStatus status;

    InboxHealthCheck(Path inbox, InboxStatus status) {
        super("jobdrop", "inbox");
        this.inbox = inbox;
        this.status = status;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("inbox", inbox.toAbsolutePath().toString());
        if (!Files.isDirectory(inbox) || !Files.isWritable(inbox)) {
            builder.message("inbox " + inbox.toAbsolutePath() + " is missing or not writable").down();
            return;
        }
        Optional<String> problem = status.problem();
        if (problem.isPresent()) {
            builder.message(problem.get()).down();
            return;
        }
        try {
            if (Files.getFileStore(inbox).getUsableSpace() == 0) {
                builder.message("the inbox volume of " + inbox.toAbsolutePath() + " is full: rejected files cannot"
                        + " get their reports until space is freed").down();
                return;
            }
        } catch (IOException e) {
            // the space is unknown; the folder itself is fine
        }
        builder.up();
    }
}
