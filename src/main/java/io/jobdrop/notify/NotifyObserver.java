package io.jobdrop.notify;

import io.jobdrop.store.NotificationOutcome;

/** Told of each webhook attempt once recorded (metrics). */
@FunctionalInterface
public interface NotifyObserver {

    NotifyObserver NONE = outcome -> { };

    void attempted(NotificationOutcome outcome);
}
