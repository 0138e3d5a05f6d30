package io.jobdrop.store;

import java.net.URI;
import java.util.List;

/**
 * The webhook URLs every notifiable event goes to (jobdrop.notify.url). With none, the ledger writes no notification
 * rows and runs no extra statement: notifications are off.
 */
public record NotifyTargets(List<URI> urls) {

    public static final NotifyTargets NONE = new NotifyTargets(List.of());

    public NotifyTargets {
        urls = List.copyOf(urls);
    }

    public boolean off() {
        return urls.isEmpty();
    }
}
