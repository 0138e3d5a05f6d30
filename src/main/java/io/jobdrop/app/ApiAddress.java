package io.jobdrop.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Where jobdrop's own HTTP endpoints listen ({@code jobdrop.api.host}, {@code jobdrop.api.port}). Camel's management
 * server only logs a port it cannot bind and carries on without health, so {@code run} checks the address first and
 * refuses to start on a taken one.
 */
record ApiAddress(String host, int port, String origin) {

    static ApiAddress of(Settings settings) {
        int port = settings.integer("jobdrop.api.port", 0);
        if (port > 65535) {
            throw new SettingException("jobdrop.api.port", "jobdrop.api.port: \"" + port
                    + "\" is not a port number (0-65535) (from " + settings.origin("jobdrop.api.port") + ")");
        }
        return new ApiAddress(settings.text("jobdrop.api.host"), port, settings.origin("jobdrop.api.port"));
    }

    /** @throws SettingException when another process listens there, or the host is not an address of this machine */
    void checkFree() {
        if (port == 0) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new SettingException("jobdrop.api.host", "jobdrop.api.host: \"" + host
                    + "\" is not an address of this machine (use 127.0.0.1, or 0.0.0.0 for every interface)");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().toLowerCase(java.util.Locale.ROOT);
            throw new SettingException("jobdrop.api.port", "jobdrop.api.port: cannot listen on " + this + ": " + reason
                    + " (port from " + origin + "); choose another with --api-port or JOBDROP_API_PORT");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
