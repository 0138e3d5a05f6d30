package io.jobdrop.notify;

import io.jobdrop.forward.Backoff;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Webhook URLs this instance leaves alone for a while after they failed to answer (no answer, 408, 429, 5xx): each
 * consecutive failure pauses the URL for the next backoff step (or until its {@code Retry-After}, if later), and any
 * answer ends the pause. A paused URL's notifications are not claimed, so one dead receiver neither fills the batches
 * nor costs a timeout per notification while the others wait. In memory: a restart tries every URL again.
 */
final class UrlPauses {

    private final Backoff backoff;
    private final Map<String, Pause> pauses = new ConcurrentHashMap<>();

    UrlPauses(Backoff backoff) {
        this.backoff = backoff;
    }

    /** The URL failed to answer at {@code now}; its notification asked to wait until {@code notBefore} at least. */
    void failed(String url, Instant now, Instant notBefore) {
        pauses.compute(url, (u, pause) -> {
            int failures = pause == null ? 1 : pause.failures() + 1;
            Instant until = now.plus(backoff.delayAfter(failures));
            return new Pause(failures, until.isBefore(notBefore) ? notBefore : until);
        });
    }

    /** The URL answered: no pause. */
    void answered(String url) {
        pauses.remove(url);
    }

    /** The URLs paused at {@code now}. */
    Set<String> paused(Instant now) {
        return pauses.entrySet().stream().filter(e -> e.getValue().until().isAfter(now)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    private record Pause(int failures, Instant until) {
    }
}
