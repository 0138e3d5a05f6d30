package io.jobdrop.pipeline;

import io.jobdrop.store.DeliveryState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets kept off command lines and out of jobs: the token from a file, secret-looking template variables left out. */
class SecretSettingsTest extends PipelineTestSupport {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        try {
            p.put("jobdrop.orchestrator.token-file", Files.writeString(work.resolve("token"), "token-from-file\n").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        orchestrator.requireToken("token-from-file");
        p.put("jobdrop.template.vars.region", "eu");
        p.put("jobdrop.template.vars.API_TOKEN", "do-not-leak");
        p.put("jobdrop.template.vars.db_password", "do-not-leak-either");
    }

    @Test
    void sends_the_token_read_from_the_token_file() {
        drop("authorised.yaml", job("authorised"));

        awaitDelivery("authorised", DeliveryState.SUBMITTED);
        assertThat(orchestrator.createdCount("authorised")).isEqualTo(1);
    }

    @Test
    void a_template_that_prints_every_variable_gets_no_secret_looking_ones() {
        drop("everything.yaml", job("everything") + "Meta:\n  vars: '{{printf \"%v\" .}}'\n");

        awaitDelivery("everything", DeliveryState.SUBMITTED);
        String stored = orchestrator.job("everything").orElseThrow().toString();
        assertThat(stored).contains("map[region:eu]").doesNotContain("do-not-leak").doesNotContain("API_TOKEN");
    }
}
