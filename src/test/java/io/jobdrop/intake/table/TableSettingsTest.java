package io.jobdrop.intake.table;

import io.jobdrop.app.SettingException;
import io.jobdrop.app.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableSettingsTest {

    @TempDir
    Path dir;

    private static Settings settings(List<Settings.Flag> flags, Map<String, String> env, Properties system) {
        return Settings.resolve(flags, env, system);
    }

    private static Properties system(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void no_table_source_when_jobdrop_tables_is_empty() {
        assertThat(TableSettings.all(settings(List.of(), Map.of(), system()))).isEmpty();
    }

    @Test
    void reads_a_table_source_from_its_environment_names_with_the_packaged_defaults() {
        List<TableSettings> tables = TableSettings.all(settings(List.of(), Map.of("JOBDROP_TABLES", "etl, billing",
                "JOBDROP_TABLE_ETL_URL", "jdbc:postgresql://db/w", "JOBDROP_TABLE_ETL_USER", "jd",
                "JOBDROP_TABLE_ETL_PASSWORD", "pw", "JOBDROP_TABLE_ETL_COLUMN_JOB_IDS", "jobs",
                "JOBDROP_TABLE_BILLING_URL", "jdbc:h2:mem:b", "JOBDROP_TABLE_BILLING_TABLE", "q.submissions",
                "JOBDROP_TABLE_DEFAULTS_BATCH", "10"), system()));

        assertThat(tables).extracting(TableSettings::name).containsExactly("etl", "billing");
        TableSettings etl = tables.get(0);
        assertThat(etl.url()).isEqualTo("jdbc:postgresql://db/w");
        assertThat(etl.user()).isEqualTo("jd");
        assertThat(etl.password()).isEqualTo("pw");
        assertThat(etl.table()).isEqualTo("etl_jobs");
        assertThat(etl.poll()).isEqualTo(Duration.ofSeconds(1));
        assertThat(etl.batch()).as("jobdrop.table-defaults.batch from the environment").isEqualTo(10);
        assertThat(etl.columns().jobIds()).isEqualTo("jobs");
        assertThat(etl.columns().spec()).isEqualTo("spec");
        assertThat(etl.source()).isEqualTo("table:etl");
        assertThat(etl.rowName(42L)).isEqualTo("etl#42");
        assertThat(tables.get(1).table()).isEqualTo("q.submissions");
        assertThat(tables.get(1).columns().jobIds()).isEqualTo("job_ids");
    }

    @Test
    void a_flag_beats_a_system_property_which_beats_the_environment() {
        Map<String, String> env = Map.of("JOBDROP_TABLES", "etl", "JOBDROP_TABLE_ETL_URL", "jdbc:h2:mem:env",
                "JOBDROP_TABLE_ETL_POLL_MS", "300", "JOBDROP_TABLE_ETL_BATCH", "7");
        Properties system = system("jobdrop.table.etl.url", "jdbc:h2:mem:sys", "jobdrop.table.etl.poll-ms", "200");
        TableSettings etl = TableSettings.all(settings(List.of(new Settings.Flag("jobdrop.table.etl.url",
                "--flag", "jdbc:h2:mem:flag")), env, system)).get(0);

        assertThat(etl.url()).isEqualTo("jdbc:h2:mem:flag");
        assertThat(etl.poll()).isEqualTo(Duration.ofMillis(200));
        assertThat(etl.batch()).isEqualTo(7);
    }

    @Test
    void reads_the_password_from_the_password_file() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret\n");
        TableSettings etl = TableSettings.all(settings(List.of(), Map.of("JOBDROP_TABLES", "etl",
                "JOBDROP_TABLE_ETL_URL", "jdbc:h2:mem:x", "JOBDROP_TABLE_ETL_PASSWORD_FILE", file.toString()),
                system())).get(0);
        assertThat(etl.password()).isEqualTo("s3cret");
    }

    @Test
    void a_bad_value_names_its_key_and_where_it_came_from() {
        assertThatThrownBy(() -> TableSettings.all(settings(List.of(), Map.of("JOBDROP_TABLES", "etl",
                "JOBDROP_TABLE_ETL_URL", "jdbc:h2:mem:x", "JOBDROP_TABLE_ETL_BATCH", "many"), system())))
                .isInstanceOf(SettingException.class)
                .hasMessage("jobdrop.table.etl.batch: \"many\" is not a number (from environment variable"
                        + " JOBDROP_TABLE_ETL_BATCH)");
        assertThatThrownBy(() -> TableSettings.all(settings(List.of(), Map.of("JOBDROP_TABLES", "etl"), system())))
                .hasMessageContaining("jobdrop.table.etl.url is not set").hasMessageContaining("JOBDROP_TABLE_ETL_URL");
        assertThatThrownBy(() -> TableSettings.all(settings(List.of(), Map.of("JOBDROP_TABLES", "etl",
                "JOBDROP_TABLE_ETL_URL", "jdbc:h2:mem:x"), system("jobdrop.table.etl.table", "jobs; DROP TABLE x"))))
                .hasMessage("jobdrop.table.etl.table: \"jobs; DROP TABLE x\" is not a plain SQL name (letters,"
                        + " digits and _, optionally schema.name) (from -Djobdrop.table.etl.table)");
        assertThatThrownBy(() -> TableSettings.all(settings(List.of(), Map.of("JOBDROP_TABLES", "etl,e-t"),
                system()))).hasMessageContaining("\"e-t\" is not a table source name")
                .hasMessageContaining("environment variable JOBDROP_TABLES");
    }

    @Test
    void hides_a_password_given_in_the_jdbc_url_from_messages() {
        assertThat(TableIntake.withoutSecrets("jdbc:postgresql://db/w?user=a&password=hush&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/w?user=a&password=***&ssl=true");
        assertThat(TableIntake.withoutSecrets("jdbc:h2:tcp://h/db;PASSWORD=hush;X=1"))
                .isEqualTo("jdbc:h2:tcp://h/db;PASSWORD=***;X=1");
    }
}
