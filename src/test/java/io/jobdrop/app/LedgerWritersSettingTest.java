package io.jobdrop.app;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** jobdrop.db.writers: what an empty value means on each database, and a count the pool cannot serve. */
class LedgerWritersSettingTest {

    @Test
    void empty_means_one_writer_on_h2_and_four_on_postgresql() {
        assertThat(JobdropConfiguration.ledgerWriters(settings(Map.of()), pool("jdbc:h2:mem:x", 8))).isEqualTo(1);
        assertThat(JobdropConfiguration.ledgerWriters(settings(Map.of()),
                pool("jdbc:postgresql://127.0.0.1:5432/jobdrop", 8))).isEqualTo(4);
    }

    @Test
    void a_count_that_is_set_holds_on_either_database() {
        Settings two = settings(Map.of("JOBDROP_DB_WRITERS", "2"));
        assertThat(JobdropConfiguration.ledgerWriters(two, pool("jdbc:h2:mem:x", 8))).isEqualTo(2);
        assertThat(JobdropConfiguration.ledgerWriters(two, pool("jdbc:postgresql://db/jobdrop", 8))).isEqualTo(2);
    }

    @Test
    void refuses_writers_that_leave_the_readers_no_connection_and_a_count_below_one() {
        assertThatThrownBy(() -> JobdropConfiguration.ledgerWriters(settings(Map.of()),
                pool("jdbc:postgresql://db/jobdrop", 4)))
                .isInstanceOf(SettingException.class)
                .hasMessage("jobdrop.db.writers = 4 leaves no connection of jobdrop.db.pool-size = 4 to the readers;"
                        + " use fewer writers or a larger pool");
        assertThatThrownBy(() -> JobdropConfiguration.ledgerWriters(settings(Map.of("JOBDROP_DB_WRITERS", "0")),
                pool("jdbc:h2:mem:x", 8)))
                .isInstanceOf(SettingException.class).hasMessageContaining("jobdrop.db.writers");
    }

    private static Settings settings(Map<String, String> env) {
        return Settings.resolve(List.of(), env, new Properties());
    }

    /** A pool that is configured, never started: the setting reads its URL and size only. */
    private static HikariDataSource pool(String url, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(size);
        return pool;
    }
}
