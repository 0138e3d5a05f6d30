package io.jobdrop.spec.template;

/** An error a builtin function returns; execution reports it as "error calling NAME: message". */
final class CallError extends Exception {
    CallError(String message) {
        super(message, null, false, false);
    }
}
