package io.jobdrop.forward;

import java.util.Map;

/**
 * Where the orchestrator's API is. {@code jobdrop.orchestrator.url} wins; otherwise Bacalhau's own
 * {@code BACALHAU_API_HOST}/{@code BACALHAU_API_PORT}, so jobdrop finds the same orchestrator as the {@code bacalhau}
 * CLI on that machine; otherwise Bacalhau's default {@code http://127.0.0.1:1234}.
 *
 * @param baseUrl scheme, host and port, without a trailing slash
 * @param source  which setting gave it, for the startup log and health
 */
public record OrchestratorAddress(String baseUrl, String source) {

    public static final String HOST_ENV = "BACALHAU_API_HOST";
    public static final String PORT_ENV = "BACALHAU_API_PORT";
    public static final String CONFIG_KEY = "jobdrop.orchestrator.url";
    public static final int DEFAULT_PORT = 1234;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public static OrchestratorAddress resolve(String configuredUrl, Map<String, String> env) {
        if (!isBlank(configuredUrl)) {
            return new OrchestratorAddress(withoutTrailingSlash(withScheme(configuredUrl.strip())), CONFIG_KEY);
        }
        String host = env.get(HOST_ENV);
        String port = env.get(PORT_ENV);
        if (isBlank(host) && isBlank(port)) {
            return new OrchestratorAddress("http://" + DEFAULT_HOST + ":" + DEFAULT_PORT, "default");
        }
        String url = withoutTrailingSlash(withScheme(isBlank(host) ? DEFAULT_HOST : host.strip()));
        int authorityStart = url.indexOf("://") + 3;
        int pathStart = url.indexOf('/', authorityStart);
        String authority = pathStart < 0 ? url.substring(authorityStart) : url.substring(authorityStart, pathStart);
        if (!hasPort(authority)) {
            // a port written into BACALHAU_API_HOST is more specific than BACALHAU_API_PORT, so only a bare host gets one
            authority = authority + ":" + (isBlank(port) ? DEFAULT_PORT : parsePort(port.strip()));
        }
        String rest = pathStart < 0 ? "" : url.substring(pathStart);
        return new OrchestratorAddress(url.substring(0, authorityStart) + authority + rest,
                isBlank(host) ? PORT_ENV : HOST_ENV);
    }

    public static OrchestratorAddress fromEnvironment(String configuredUrl) {
        return resolve(configuredUrl, System.getenv());
    }

    /** The submit endpoint, {@code PUT}-able. */
    public String jobsUrl() {
        return baseUrl + SubmitRequest.PATH;
    }

    private static String withScheme(String hostOrUrl) {
        if (hostOrUrl.contains("://")) {
            return hostOrUrl;
        }
        // a bare IPv6 literal has several colons; bracket it so a port can follow
        boolean bareIpv6 = hostOrUrl.indexOf(':') != hostOrUrl.lastIndexOf(':') && !hostOrUrl.startsWith("[");
        return "http://" + (bareIpv6 ? "[" + hostOrUrl + "]" : hostOrUrl);
    }

    private static boolean hasPort(String authority) {
        int bracket = authority.lastIndexOf(']');
        return authority.indexOf(':', bracket + 1) >= 0;
    }

    private static int parsePort(String port) {
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException(PORT_ENV + " must be a port number (1-65535), got '" + port + "'");
    }

    private static String withoutTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
