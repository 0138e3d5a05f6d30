package io.jobdrop.app;

import io.jobdrop.app.Settings.Flag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one resolver: flag > -D > environment > packaged default, for every key, and values that name their source. */
class SettingsTest {

    @TempDir
    Path dir;

    private static Properties system(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static Settings resolve(List<Flag> flags, Map<String, String> env, Properties system) {
        return Settings.resolve(flags, env, system);
    }

    private static final List<Flag> INBOX_FLAG = List.of(new Flag("jobdrop.inbox", "--inbox", "from-flag"));
    private static final Map<String, String> INBOX_ENV = Map.of("JOBDROP_INBOX", "from-env");
    private static final Properties INBOX_SYSTEM = system("jobdrop.inbox", "from-system");

    @Test
    void a_flag_beats_system_property_and_environment() {
        Settings settings = resolve(INBOX_FLAG, INBOX_ENV, INBOX_SYSTEM);

        assertThat(settings.text("jobdrop.inbox")).isEqualTo("from-flag");
        assertThat(settings.origin("jobdrop.inbox")).isEqualTo("--inbox");
    }

    @Test
    void a_system_property_beats_the_environment() {
        Settings settings = resolve(List.of(new Flag("jobdrop.inbox", "--inbox", null)), INBOX_ENV, INBOX_SYSTEM);

        assertThat(settings.text("jobdrop.inbox")).isEqualTo("from-system");
        assertThat(settings.origin("jobdrop.inbox")).isEqualTo("-Djobdrop.inbox");
    }

    @Test
    void the_environment_beats_the_packaged_default() {
        Settings settings = resolve(List.of(), INBOX_ENV, system());

        assertThat(settings.text("jobdrop.inbox")).isEqualTo("from-env");
        assertThat(settings.origin("jobdrop.inbox")).isEqualTo("environment variable JOBDROP_INBOX");
    }

    @Test
    void the_packaged_default_applies_when_nothing_is_given() {
        Settings settings = resolve(List.of(), Map.of(), system());

        assertThat(settings.text("jobdrop.inbox")).isEqualTo("inbox");
        assertThat(settings.integer("jobdrop.forward.max-attempts")).isEqualTo(10);
        assertThat(settings.origin("jobdrop.inbox")).isEqualTo("the packaged default");
    }

    @Test
    void the_renamed_api_port_key_takes_its_environment_variable() {
        Settings settings = resolve(List.of(), Map.of("JOBDROP_API_PORT", "9191"), system());

        assertThat(settings.integer("jobdrop.api.port")).isEqualTo(9191);
        assertThat(settings.text("jobdrop.api.host")).isEqualTo("127.0.0.1");
    }

    @Test
    void the_old_api_port_name_is_still_read_and_still_resolvable() {
        Settings settings = resolve(List.of(), Map.of(), system("jobdrop.api-port", "9292"));

        assertThat(settings.integer("jobdrop.api.port")).isEqualTo(9292);
        assertThat(settings.origin("jobdrop.api.port")).isEqualTo("-Djobdrop.api-port");
        assertThat(settings.all()).containsEntry("jobdrop.api-port", "9292");
    }

    @Test
    void names_key_value_and_source_of_a_value_that_is_not_a_number() {
        Settings settings = resolve(List.of(), Map.of("JOBDROP_FORWARD_MAX_ATTEMPTS", "lots"), system());

        assertThatThrownBy(() -> settings.integer("jobdrop.forward.max-attempts"))
                .isInstanceOf(SettingException.class)
                .hasMessage("jobdrop.forward.max-attempts: \"lots\" is not a number "
                        + "(from environment variable JOBDROP_FORWARD_MAX_ATTEMPTS)");
    }

    @Test
    void names_key_value_and_source_of_a_word_that_is_not_one_of_the_choices() {
        Settings settings = resolve(List.of(), Map.of("JOBDROP_LOG_FORMAT", "xml"), system());

        assertThat(resolve(List.of(), Map.of(), system()).oneOf("jobdrop.log.format", "text", "json")).isEqualTo("text");
        assertThatThrownBy(() -> settings.oneOf("jobdrop.log.format", "text", "json"))
                .isInstanceOf(SettingException.class)
                .hasMessage("jobdrop.log.format: \"xml\" is not one of text, json "
                        + "(from environment variable JOBDROP_LOG_FORMAT)");
    }

    @Test
    void refuses_bad_booleans_durations_minimums_and_url_schemes_with_their_key() {
        Settings settings = resolve(List.of(new Flag("jobdrop.orchestrator.url", "--orchestrator", "ftp://host:1")),
                Map.of("JOBDROP_TEMPLATE_ENABLED", "yes", "JOBDROP_FORWARD_BATCH", "0"),
                system("jobdrop.forward.max-age", "a day"));

        assertThatThrownBy(() -> settings.bool("jobdrop.template.enabled"))
                .hasMessage("jobdrop.template.enabled: \"yes\" is not true or false "
                        + "(from environment variable JOBDROP_TEMPLATE_ENABLED)");
        assertThatThrownBy(() -> settings.duration("jobdrop.forward.max-age"))
                .hasMessageStartingWith("jobdrop.forward.max-age: \"a day\" is not a duration")
                .hasMessageEndingWith("(from -Djobdrop.forward.max-age)");
        assertThatThrownBy(() -> settings.integer("jobdrop.forward.batch", 1))
                .hasMessage("jobdrop.forward.batch: \"0\" must be at least 1 (from environment variable JOBDROP_FORWARD_BATCH)");
        assertThatThrownBy(settings::orchestratorUrl)
                .hasMessage("jobdrop.orchestrator.url: \"ftp://host:1\" must start with http:// or https:// (from --orchestrator)");
    }

    @Test
    void reads_typed_values() {
        Settings settings = resolve(List.of(), Map.of("JOBDROP_FORWARD_MAX_AGE", "1h30m"), system());

        assertThat(settings.duration("jobdrop.forward.max-age")).isEqualTo(Duration.ofMinutes(90));
        assertThat(settings.bool("jobdrop.template.enabled")).isTrue();
        assertThat(settings.path("jobdrop.inbox")).isEqualTo(Path.of("inbox").toAbsolutePath());
        assertThat(settings.orchestratorUrl()).hasToString("http://127.0.0.1:1234");
    }

    @Test
    void the_orchestrator_falls_back_to_bacalhaus_own_variables() {
        Settings settings = resolve(List.of(), Map.of("BACALHAU_API_HOST", "bacalhau.example"), system());

        assertThat(settings.orchestratorUrl()).hasToString("http://bacalhau.example:1234");
    }

    @Test
    void a_token_file_keeps_the_token_off_the_command_line() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "s3cr3t\n");
        Settings settings = resolve(List.of(new Flag("jobdrop.orchestrator.token-file", "--token-file", file.toString())),
                Map.of("JOBDROP_ORCHESTRATOR_TOKEN", "weaker"), system());

        assertThat(settings.secret("jobdrop.orchestrator.token")).isEqualTo("s3cr3t");
    }

    @Test
    void a_stronger_direct_secret_beats_a_weaker_file_and_a_missing_file_is_named() {
        Settings direct = resolve(List.of(new Flag("jobdrop.orchestrator.token", "--token", "flag-token")),
                Map.of("JOBDROP_ORCHESTRATOR_TOKEN_FILE", dir.resolve("nope").toString()), system());
        Settings missing = resolve(List.of(), Map.of("JOBDROP_DB_PASSWORD_FILE", dir.resolve("nope").toString()), system());

        assertThat(direct.secret("jobdrop.orchestrator.token")).isEqualTo("flag-token");
        assertThatThrownBy(() -> missing.secret("jobdrop.db.password"))
                .hasMessageStartingWith("jobdrop.db.password-file: \"" + dir.resolve("nope") + "\" cannot be read")
                .hasMessageEndingWith("(from environment variable JOBDROP_DB_PASSWORD_FILE)");
    }

    @Test
    void a_secret_and_its_file_both_given_as_flags_is_refused() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "from-file");
        Settings settings = resolve(List.of(new Flag("jobdrop.orchestrator.token", "--token", "t"),
                new Flag("jobdrop.orchestrator.token-file", "--token-file", file.toString())), Map.of(), system());

        assertThatThrownBy(() -> settings.secret("jobdrop.orchestrator.token"))
                .hasMessage("jobdrop.orchestrator.token and jobdrop.orchestrator.token-file are both set (--token, "
                        + "--token-file); give one of them");
    }

    @Test
    void secret_looking_template_variables_stay_out_of_templates() {
        Settings settings = resolve(List.of(), Map.of("JOBDROP_VAR_region", "eu", "JOBDROP_VAR_API_TOKEN", "t",
                "JOBDROP_VAR_db_password", "p", "JOBDROP_VAR_AWS_SECRET_ACCESS_KEY", "k"),
                system("jobdrop.template.vars.image", "ubuntu"));

        assertThat(settings.templateVars()).containsOnly(Map.entry("region", "eu"), Map.entry("image", "ubuntu"));
    }

    @Test
    void a_template_variable_keeps_its_blanks() {
        Settings settings = resolve(List.of(), Map.of(), system("jobdrop.template.vars.pad", " x ", "jobdrop.inbox", " in "));

        assertThat(settings.templateVars()).containsEntry("pad", " x ");
        assertThat(settings.text("jobdrop.inbox")).isEqualTo("in");
    }

    @Test
    void an_empty_exclusion_lets_every_variable_through() {
        Settings settings = resolve(List.of(), Map.of("JOBDROP_VAR_API_TOKEN", "t", "JOBDROP_TEMPLATE_EXCLUDE", ""),
                system());

        assertThat(settings.templateVars()).containsOnly(Map.entry("API_TOKEN", "t"));
    }

    @Test
    void an_api_host_that_does_not_resolve_is_named() {
        Settings settings = resolve(List.of(), Map.of("JOBDROP_API_HOST", "no-such-host.invalid"), system());

        assertThatThrownBy(() -> ApiAddress.of(settings).checkFree()).isInstanceOf(SettingException.class)
                .hasMessageStartingWith("jobdrop.api.host: \"no-such-host.invalid\" is not an address of this machine");
    }

    @Test
    void a_port_beyond_65535_is_named() {
        Settings settings = resolve(List.of(new Flag("jobdrop.api.port", "--api-port", "70000")), Map.of(), system());

        assertThatThrownBy(() -> ApiAddress.of(settings))
                .hasMessage("jobdrop.api.port: \"70000\" is not a port number (0-65535) (from --api-port)");
    }

    @Test
    void the_environment_name_of_a_key_is_upper_case_with_underscores() {
        assertThat(Settings.envName("jobdrop.inbox.stable-ms")).isEqualTo("JOBDROP_INBOX_STABLE_MS");
        assertThat(Settings.envName("jobdrop.api.port")).isEqualTo("JOBDROP_API_PORT");
    }
}
