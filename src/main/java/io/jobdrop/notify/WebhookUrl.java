package io.jobdrop.notify;

import java.net.URI;

/** A webhook URL as jobdrop shows it (logs, status API): user info and query stripped, since either may hold a secret. */
public final class WebhookUrl {

    private WebhookUrl() {
    }

    /** Scheme, host, port and path only. */
    public static String redacted(String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || u.getHost() == null) {
                return "(unreadable URL)";
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                    + (u.getRawPath() == null ? "" : u.getRawPath());
        } catch (IllegalArgumentException e) {
            return "(unreadable URL)";
        }
    }
}
