package io.jobdrop.forward;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrchestratorAddressTest {

    private static final Map<String, String> BACALHAU_ENV =
            Map.of("BACALHAU_API_HOST", "bacalhau.internal", "BACALHAU_API_PORT", "4321");

    @Test
    void configured_url_wins_over_bacalhau_environment() {
        OrchestratorAddress address = OrchestratorAddress.resolve("https://orch.example.com:8443/", BACALHAU_ENV);

        assertThat(address.baseUrl()).isEqualTo("https://orch.example.com:8443");
        assertThat(address.source()).isEqualTo("jobdrop.orchestrator.url");
        assertThat(address.jobsUrl()).isEqualTo("https://orch.example.com:8443/api/v1/orchestrator/jobs");
    }

    @Test
    void bacalhau_host_and_port_are_used_without_configuration() {
        OrchestratorAddress address = OrchestratorAddress.resolve(null, BACALHAU_ENV);

        assertThat(address.baseUrl()).isEqualTo("http://bacalhau.internal:4321");
        assertThat(address.source()).isEqualTo("BACALHAU_API_HOST");
    }

    @Test
    void blank_configuration_counts_as_unset() {
        assertThat(OrchestratorAddress.resolve("  ", BACALHAU_ENV).baseUrl()).isEqualTo("http://bacalhau.internal:4321");
    }

    @Test
    void bacalhau_host_alone_gets_bacalhaus_default_port() {
        assertThat(OrchestratorAddress.resolve(null, Map.of("BACALHAU_API_HOST", "10.0.0.5")).baseUrl())
                .isEqualTo("http://10.0.0.5:1234");
    }

    @Test
    void bacalhau_host_may_carry_a_scheme_and_its_own_port() {
        assertThat(OrchestratorAddress.resolve(null, Map.of("BACALHAU_API_HOST", "https://orch.example.com")).baseUrl())
                .isEqualTo("https://orch.example.com:1234");
        assertThat(OrchestratorAddress.resolve(null, Map.of("BACALHAU_API_HOST", "https://orch.example.com:9000",
                "BACALHAU_API_PORT", "4321")).baseUrl()).isEqualTo("https://orch.example.com:9000");
    }

    @Test
    void bacalhau_port_alone_applies_to_the_default_host() {
        OrchestratorAddress address = OrchestratorAddress.resolve(null, Map.of("BACALHAU_API_PORT", "4321"));

        assertThat(address.baseUrl()).isEqualTo("http://127.0.0.1:4321");
        assertThat(address.source()).isEqualTo("BACALHAU_API_PORT");
    }

    @Test
    void bare_ipv6_host_is_bracketed() {
        assertThat(OrchestratorAddress.resolve(null, Map.of("BACALHAU_API_HOST", "::1")).baseUrl())
                .isEqualTo("http://[::1]:1234");
    }

    @Test
    void nothing_set_means_bacalhaus_default_address() {
        OrchestratorAddress address = OrchestratorAddress.resolve(null, Map.of());

        assertThat(address.baseUrl()).isEqualTo("http://127.0.0.1:1234");
        assertThat(address.source()).isEqualTo("default");
    }

    @Test
    void a_configured_url_without_scheme_gets_http() {
        assertThat(OrchestratorAddress.resolve("orch:1234", Map.of()).baseUrl()).isEqualTo("http://orch:1234");
    }

    @Test
    void a_bad_bacalhau_port_is_reported_by_name() {
        assertThatThrownBy(() -> OrchestratorAddress.resolve(null, Map.of("BACALHAU_API_PORT", "http")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BACALHAU_API_PORT must be a port number (1-65535), got 'http'");
    }
}
