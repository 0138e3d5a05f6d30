package io.jobdrop.spec;

import io.jobdrop.spec.go.GoQuoting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jobdrop.spec.Fixtures.entry;
import static io.jobdrop.spec.Fixtures.network;
import static io.jobdrop.spec.Fixtures.port;
import static org.assertj.core.api.Assertions.assertThat;

/** Network rules (spec §8; Bacalhau's network_test.go). */
class NetworkRulesTest {

    private static List<Violations.Entry> errorsOf(NetworkConfig n) {
        Violations errors = Violations.collector();
        n.validate(errors);
        return errors.entries();
    }

    private static NetworkConfig withPorts(Network type, PortMapping... ports) {
        NetworkConfig n = network(type);
        n.ports = new ArrayList<>(Arrays.asList(ports));
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", ".example.com", "*.example.com", "http://example.com/x", "a@b.co",
            "192.168.1.1", "192.168.0.1", "::1", "0000:0000:0000:0000:0000:0000:0000:0001", "::ffff:10.0.0.1",
            "2001:db8::8a2e:370:7334", "my-host.example-1.org", "éexample.com", " example.com "})
    void accepts_domains_bacalhau_accepts(String domain) {
        assertThat(errorsOf(network(Network.HTTP, domain))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "foo_bar.com", "example.c", "192.168.0.1/32", "EXAMPLE.COM", "at@.walker",
            "", "01.2.3.4", "1.2.3", "256.1.1.1", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "1::2::3", "[::1]",
            "example_.com"})
    void rejects_domains_bacalhau_rejects(String domain) {
        assertThat(errorsOf(network(Network.HTTP, domain))).containsExactly(
                entry("Domains[0]", "invalid domain " + GoQuoting.quote(domain)));
    }

    @Test
    void reports_each_bad_domain_in_order_and_validates_before_lower_casing() {
        NetworkConfig n = network(Network.HTTP, " Example.COM ", "*.foo.com", ".bar.org", "192.168.0.1/32");
        assertThat(errorsOf(n)).containsExactly(
                entry("Domains[0]", "invalid domain \" Example.COM \""),
                entry("Domains[3]", "invalid domain \"192.168.0.1/32\""));
    }

    @Test
    void rejects_domains_outside_http_mode() {
        assertThat(errorsOf(network(Network.BRIDGE, "example.com"))).containsExactly(
                entry("Domains", "domains can only be set for HTTP network mode"));
    }

    @Test
    void accepts_http_with_a_domain() {
        assertThat(errorsOf(network(Network.HTTP, "example.com"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEFAULT", "NONE", "HTTP"})
    void rejects_ports_outside_host_and_bridge_modes(String mode) {
        NetworkConfig n = withPorts(Network.valueOf(mode), port("http", 8080, 0), port("", 1, 0));
        assertThat(errorsOf(n)).containsExactly(entry("Ports", "ports can only be set for Host or Bridge network modes"));
    }

    @Test
    void accepts_named_port_on_host_and_full() {
        assertThat(errorsOf(withPorts(Network.HOST, port("http", 8080, 0)))).isEmpty();
        assertThat(errorsOf(withPorts(Network.FULL, port("http", 0, 0)))).isEmpty();
    }

    @Test
    void requires_a_port_name() {
        assertThat(errorsOf(withPorts(Network.HOST, port("", 8080, 0)))).containsExactly(
                entry("Ports[0].Name", "port mapping name is required"));
    }

    @Test
    void rejects_privileged_static_port() {
        assertThat(errorsOf(withPorts(Network.HOST, port("web", 80, 0)))).containsExactly(
                entry("Ports[0].Static", "static port 80 is in privileged port range (1-1023)"));
        assertThat(errorsOf(withPorts(Network.HOST, port("web", -5, 0)))).containsExactly(
                entry("Ports[0].Static", "static port -5 is in privileged port range (1-1023)"));
    }

    @Test
    void rejects_too_long_port_name() {
        String name = "P".repeat(238);
        assertThat(errorsOf(withPorts(Network.HOST, port(name, 0, 0)))).containsExactly(
                entry("Ports[0].Name", "port name too long (max 237 characters)"));
        assertThat(errorsOf(withPorts(Network.HOST, port("P".repeat(237), 0, 0)))).isEmpty();
    }

    @Test
    void rejects_out_of_range_target_and_bad_host_network() {
        PortMapping badHost = port("b", 2000, 0);
        badHost.hostNetwork = "nope";
        PortMapping goodHost = port("c", 2001, 0);
        goodHost.hostNetwork = "127.0.0.1";
        assertThat(errorsOf(withPorts(Network.BRIDGE, port("a", 0, 70000), badHost, goodHost))).containsExactly(
                entry("Ports[0].Target", "invalid target port 70000"),
                entry("Ports[1].HostNetwork", "invalid host network IP address: nope"));
    }

    @Test
    void reports_only_the_first_rule_a_port_breaks() {
        PortMapping p = port("web-port", 80, -1);
        p.hostNetwork = "nope";
        assertThat(Fixtures.messages(errorsOf(withPorts(Network.BRIDGE, p)))).containsExactly(
                "port name must be a valid environment variable name: start with letter/underscore and contain only "
                        + "letters, numbers, and underscores");
    }

    @Test
    void reports_bridge_port_errors_per_port() {
        PortMapping third = port("P3", 3000, 0);
        PortMapping duplicate = port("P3", 3001, 0);
        duplicate.hostNetwork = "nope";
        NetworkConfig n = withPorts(Network.BRIDGE, port("web-port", 0, 0), port("P2", 70000, 0), third, duplicate);
        assertThat(Fixtures.messages(errorsOf(n))).containsExactly(
                "port name must be a valid environment variable name: start with letter/underscore and contain only "
                        + "letters, numbers, and underscores",
                "static port 70000 is above maximum valid port 65535",
                "invalid host network IP address: nope");
    }

    @Test
    void rejects_duplicate_names_static_ports_and_bridge_targets() {
        NetworkConfig n = withPorts(Network.BRIDGE, port("a", 2000, 80), port("a", 2000, 80), port("b", 0, 81));
        assertThat(errorsOf(n)).containsExactly(
                entry("Ports[1].Name", "duplicate port mapping name \"a\""),
                entry("Ports[1].Static", "duplicate port mapping static port 2000"),
                entry("Ports[1].Target", "duplicate port mapping target port 80"));
    }

    @Test
    void lets_automatic_ports_repeat() {
        assertThat(errorsOf(withPorts(Network.BRIDGE, port("a", 0, 0), port("b", 0, 0)))).isEmpty();
    }

    @Test
    void rejects_target_ports_in_host_mode_after_domains() {
        NetworkConfig n = withPorts(Network.HOST, port("web", 8080, 80));
        n.domains = new ArrayList<>(List.of("example.com"));
        assertThat(errorsOf(n)).containsExactly(
                entry("Domains", "domains can only be set for HTTP network mode"),
                entry("Ports[0].Target", "target ports cannot be set for Host network mode"));
    }

    @Test
    void rejects_null_port_instead_of_crashing() {
        assertThat(errorsOf(withPorts(Network.HOST, port("a", 0, 0), null))).containsExactly(
                entry("Ports[1]", "port mapping is null"));
    }

    @Test
    void prefixes_network_errors_inside_a_task() {
        Task task = Fixtures.task("main");
        task.network = network(Network.BRIDGE, "example.com");
        assertThat(Fixtures.taskErrors(task)).containsExactly(
                entry("Network.Domains", "invalid network: domains can only be set for HTTP network mode"));
    }

    @Test
    void normalizes_domains_to_lower_case_trimmed_and_fills_empty_lists() {
        NetworkConfig n = network(Network.HTTP, " EXAMPLE.com ", "TEST.com ");
        n.normalize();
        assertThat(n.domains).containsExactly("example.com", "test.com");
        assertThat(n.ports).isNotNull().isEmpty();

        NetworkConfig missing = network(null);
        missing.normalize();
        assertThat(missing.type).isEqualTo(Network.DEFAULT);
        assertThat(missing.domains).isNotNull().isEmpty();
    }

    @Test
    void writes_type_by_name_and_omits_empty_lists() {
        NetworkConfig n = network(Network.HTTP);
        n.normalize();
        assertThat(JobJson.mapper().valueToTree(n).toString()).isEqualTo("{\"Type\":\"HTTP\"}");
    }
}
