package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.regex.Pattern;

/** A port exposed by a task on Host or Bridge networks ({@code pkg/models/network.go}). */
@JsonPropertyOrder({"Name", "Static", "Target", "HostNetwork"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PortMapping {
    @JsonProperty("Name") public String name = "";
    @JsonProperty("Static") @JsonInclude(JsonInclude.Include.NON_DEFAULT) public long staticPort;
    @JsonProperty("Target") @JsonInclude(JsonInclude.Include.NON_DEFAULT) public long target;
    @JsonProperty("HostNetwork") public String hostNetwork = "";

    /** The name becomes part of environment variables ({@code BACALHAU_PORT_<name>}), hence the rules. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final int MAX_NAME_LENGTH = 237;
    static final long MAX_PORT = 65535;
    static final long FIRST_UNPRIVILEGED_PORT = 1024;

    /** Reports the first failing rule of this port only, as Bacalhau does; true when the port is valid. */
    public boolean validate(Violations errors) {
        String n = GoText.orEmpty(name);
        String host = GoText.orEmpty(hostNetwork);
        if (n.isEmpty()) {
            errors.add("Name", "port mapping name is required");
        } else if (!NAME.matcher(n).matches()) {
            errors.add("Name", "port name must be a valid environment variable name: start with letter/underscore and "
                    + "contain only letters, numbers, and underscores");
        } else if (n.length() > MAX_NAME_LENGTH) {
            errors.add("Name", "port name too long (max " + MAX_NAME_LENGTH + " characters)");
        } else if (staticPort != 0 && staticPort < FIRST_UNPRIVILEGED_PORT) {
            errors.add("Static", "static port " + staticPort + " is in privileged port range (1-1023)");
        } else if (staticPort > MAX_PORT) {
            errors.add("Static", "static port " + staticPort + " is above maximum valid port " + MAX_PORT);
        } else if (target < 0 || target > MAX_PORT) {
            errors.add("Target", "invalid target port " + target);
        } else if (!host.isEmpty() && !GoIp.isIp(host)) {
            errors.add("HostNetwork", "invalid host network IP address: " + host);
        } else {
            return true;
        }
        return false;
    }
}
