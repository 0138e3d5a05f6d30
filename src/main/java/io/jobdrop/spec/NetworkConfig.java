package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jobdrop.spec.go.GoQuoting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Networking of a task ({@code pkg/models/network.go}). */
@JsonPropertyOrder({"Type", "Domains", "Ports"})
public class NetworkConfig {
    @JsonProperty("Type") public Network type = Network.DEFAULT;
    @JsonProperty("Domains") @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<String> domains;
    @JsonProperty("Ports") @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<PortMapping> ports;

    /**
     * Bacalhau's domain pattern, searched (not anchored) in the domain: {@code *.example.com} and
     * {@code http://example.com/x} pass. Go's {@code \b} is an ASCII word boundary, spelt out because Java's is Unicode.
     */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?<![0-9A-Za-z_])([a-z0-9]+(-[a-z0-9]+)*\\.)+[a-z]{2,}(?![0-9A-Za-z_])");

    /** Domains are lower-cased and trimmed; missing lists become empty. A missing type is Go's zero, Default. */
    public void normalize() {
        if (type == null) {
            type = Network.DEFAULT;
        }
        List<String> normalized = new ArrayList<>();
        if (domains != null) {
            for (String domain : domains) {
                normalized.add(GoText.trimSpace(GoText.toLower(GoText.orEmpty(domain))));
            }
        }
        domains = normalized;
        if (ports == null) {
            ports = new ArrayList<>();
        }
    }

    /** Bacalhau main's checks on the raw config, so upper-case or padded domains fail here. */
    public void validate(Violations errors) {
        Network mode = type == null ? Network.DEFAULT : type;
        if (domains != null && !domains.isEmpty() && mode != Network.HTTP) {
            errors.add("Domains", "domains can only be set for HTTP network mode");
        }
        if (domains != null) {
            for (int i = 0; i < domains.size(); i++) {
                String domain = GoText.orEmpty(domains.get(i));
                if (!DOMAIN.matcher(domain).find() && !GoIp.isIp(domain)) {
                    errors.add("Domains[" + i + "]", "invalid domain " + GoQuoting.quote(domain));
                }
            }
        }
        validatePorts(mode, errors);
    }

    private void validatePorts(Network mode, Violations errors) {
        if (ports == null || ports.isEmpty()) {
            return;
        }
        boolean hostLike = mode == Network.HOST || mode == Network.FULL;
        if (!hostLike && mode != Network.BRIDGE) {
            errors.add("Ports", "ports can only be set for Host or Bridge network modes");
            return;
        }
        Set<String> names = new HashSet<>();
        Set<Long> staticPorts = new HashSet<>();
        Set<Long> targets = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            String at = "Ports[" + i + "]";
            PortMapping port = ports.get(i);
            if (port == null) {
                // Bacalhau has no answer for an empty list item; it is refused rather than guessed at
                errors.add(at, "port mapping is null");
                continue;
            }
            if (!port.validate(errors.within(at, ""))) {
                continue;
            }
            if (!names.add(port.name)) {
                errors.add(at + ".Name", "duplicate port mapping name " + GoQuoting.quote(port.name));
            }
            if (port.staticPort != 0 && !staticPorts.add(port.staticPort)) {
                errors.add(at + ".Static", "duplicate port mapping static port " + port.staticPort);
            }
            if (hostLike && port.target != 0) {
                errors.add(at + ".Target", "target ports cannot be set for Host network mode");
            }
            if (mode == Network.BRIDGE && port.target != 0 && !targets.add(port.target)) {
                errors.add(at + ".Target", "duplicate port mapping target port " + port.target);
            }
        }
    }
}
