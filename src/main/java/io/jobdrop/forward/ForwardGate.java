package io.jobdrop.forward;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether forwarding may claim jobs now. Refused credentials (401/403) hold for every job, so the route stops claiming
 * instead of burning attempts; health shows why. Thread-safe: classifications on several threads may pause it at once.
 */
public final class ForwardGate {

    private record Pause(Instant until, String reason) {
    }

    private final AtomicReference<Pause> pause = new AtomicReference<>();

    /** Closes the gate until {@code until}; an existing pause that lasts longer is kept. */
    public void pause(Instant until, String reason) {
        Pause wanted = new Pause(Objects.requireNonNull(until, "until"), Objects.requireNonNull(reason, "reason"));
        pause.accumulateAndGet(wanted, (current, next) ->
                current == null || !next.until().isBefore(current.until()) ? next : current);
    }

    /** Opens the gate at once, e.g. after the operator fixed the token. */
    public void resume() {
        pause.set(null);
    }

    public boolean isOpen(Instant now) {
        Pause current = pause.get();
        return current == null || !now.isBefore(current.until());
    }

    /** Why the gate was last closed; empty when it never was or was resumed. */
    public String reason() {
        Pause current = pause.get();
        return current == null ? "" : current.reason();
    }

    public Optional<Instant> pausedUntil() {
        return Optional.ofNullable(pause.get()).map(Pause::until);
    }

    @Override
    public String toString() {
        Pause current = pause.get();
        return current == null ? "ForwardGate[open]" : "ForwardGate[paused until " + current.until() + ": " + current.reason() + "]";
    }
}
