package io.jobdrop.app;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** DOWN when the inbox folder is missing or not writable (files could not be moved to .done/.error). */
final class InboxHealthCheck extends AbstractHealthCheck {

    private final Path inbox;

    InboxHealthCheck(Path inbox) {
        super("jobdrop", "inbox");
        this.inbox = inbox;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("inbox", inbox.toAbsolutePath().toString());
        if (Files.isDirectory(inbox) && Files.isWritable(inbox)) {
            builder.up();
        } else {
            builder.message("inbox " + inbox.toAbsolutePath() + " is missing or not writable").down();
        }
    }
}
