package io.jobdrop.store;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class H2UrlsTest {

    @Test
    void adds_auto_server_to_an_embedded_file_url() {
        assertThat(H2Urls.withAutoServer("jdbc:h2:file:./data/jobdrop"))
                .isEqualTo("jdbc:h2:file:./data/jobdrop;AUTO_SERVER=TRUE");
        assertThat(H2Urls.withAutoServer("jdbc:h2:./data/jobdrop;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:./data/jobdrop;MODE=PostgreSQL;AUTO_SERVER=TRUE");
        assertThat(H2Urls.withAutoServer("jdbc:h2:~/jobdrop")).isEqualTo("jdbc:h2:~/jobdrop;AUTO_SERVER=TRUE");
    }

    @Test
    void leaves_a_url_that_already_chooses_auto_server_as_it_is() {
        assertThat(H2Urls.withAutoServer("jdbc:h2:file:/d/j;auto_server=false"))
                .isEqualTo("jdbc:h2:file:/d/j;auto_server=false");
        assertThat(H2Urls.withAutoServer("jdbc:h2:file:/d/j;AUTO_SERVER=TRUE;AUTO_SERVER_PORT=9090"))
                .isEqualTo("jdbc:h2:file:/d/j;AUTO_SERVER=TRUE;AUTO_SERVER_PORT=9090");
    }

    @Test
    void leaves_in_memory_remote_and_non_h2_urls_as_they_are() {
        assertThat(H2Urls.withAutoServer("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
        assertThat(H2Urls.withAutoServer("jdbc:h2:tcp://host/~/jobdrop")).isEqualTo("jdbc:h2:tcp://host/~/jobdrop");
        assertThat(H2Urls.withAutoServer("jdbc:postgresql://127.0.0.1:5432/jobdrop"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/jobdrop");
    }

    @Test
    void leaves_a_url_that_keeps_the_database_open_after_exit_as_it_is() {
        // H2 refuses AUTO_SERVER=TRUE together with DB_CLOSE_ON_EXIT=FALSE
        assertThat(H2Urls.withAutoServer("jdbc:h2:file:/d/j;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:/d/j;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void makes_commits_of_an_embedded_file_database_reach_the_file_at_once() {
        assertThat(H2Urls.withDurableCommits("jdbc:h2:file:./data/jobdrop;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/jobdrop;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(H2Urls.withDurableCommits("jdbc:h2:file:./d;WRITE_DELAY=100")).isEqualTo("jdbc:h2:file:./d;WRITE_DELAY=100");
        assertThat(H2Urls.withDurableCommits("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(H2Urls.withDurableCommits("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void keeps_job_documents_of_an_embedded_file_database_in_their_rows() {
        assertThat(H2Urls.withInlineDocuments("jdbc:h2:file:./data/jobdrop;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:./data/jobdrop;WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=131072");
        assertThat(H2Urls.withInlineDocuments("jdbc:h2:file:./d;max_length_inplace_lob=4096"))
                .isEqualTo("jdbc:h2:file:./d;max_length_inplace_lob=4096");
        assertThat(H2Urls.withInlineDocuments("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(H2Urls.withInlineDocuments("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void keeps_more_parsed_statements_per_session_of_an_embedded_file_database() {
        assertThat(H2Urls.withStatementCache("jdbc:h2:file:./data/jobdrop;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:./data/jobdrop;WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
        assertThat(H2Urls.withStatementCache("jdbc:h2:file:./d;query_cache_size=8"))
                .isEqualTo("jdbc:h2:file:./d;query_cache_size=8");
        assertThat(H2Urls.withStatementCache("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(H2Urls.withStatementCache("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void splits_the_pages_of_an_embedded_file_database_at_16_kb() {
        assertThat(H2Urls.withLargerPages("jdbc:h2:file:./data/jobdrop;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:./data/jobdrop;WRITE_DELAY=0;PAGE_SIZE=16384");
        assertThat(H2Urls.withLargerPages("jdbc:h2:file:./d;page_size=4096")).isEqualTo("jdbc:h2:file:./d;page_size=4096");
        assertThat(H2Urls.withLargerPages("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(H2Urls.withLargerPages("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void an_opened_ledger_splits_its_pages_at_16_kb_also_when_it_was_made_with_4_kb(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ledger");
        String identity;
        try (HikariDataSource before = LedgerDatabase.open(url + ";PAGE_SIZE=4096", "sa", "")) {
            assertThat(pageSize(before)).isEqualTo(4096);
            identity = ledgerId(before);
        }
        // a second process opens it through the first one's server with the same URL: H2JobLedgerTest
        try (HikariDataSource ledger = LedgerDatabase.open(url, "sa", "")) {
            assertThat(pageSize(ledger)).isEqualTo(16384);
            assertThat(ledgerId(ledger)).isEqualTo(identity);
        }
    }

    private static String ledgerId(HikariDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT ledger_id FROM ledger_identity")) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }

    private static int pageSize(HikariDataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            return ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getPageSize();
        }
    }

    @Test
    void an_exclusive_url_opens_the_file_alone_only_if_it_exists_and_keeps_the_rest() {
        assertThat(H2Urls.exclusive("jdbc:h2:file:/srv/jobdrop;AUTO_SERVER=TRUE;CIPHER=AES"))
                .isEqualTo("jdbc:h2:file:/srv/jobdrop;CIPHER=AES;AUTO_SERVER=FALSE;IFEXISTS=TRUE;MAX_COMPACT_TIME=0");
        assertThat(H2Urls.exclusive("jdbc:h2:file:./data/jobdrop"))
                .isEqualTo("jdbc:h2:file:./data/jobdrop;AUTO_SERVER=FALSE;IFEXISTS=TRUE;MAX_COMPACT_TIME=0");
        assertThat(H2Urls.exclusive("jdbc:h2:file:./data/jobdrop; auto_server = true"))
                .isEqualTo("jdbc:h2:file:./data/jobdrop;AUTO_SERVER=FALSE;IFEXISTS=TRUE;MAX_COMPACT_TIME=0");
    }
}
