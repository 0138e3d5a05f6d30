package io.jobdrop.api;

/** A request the API refuses with this status, and a message saying what to change. */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException badParameter(String message) {
        return new ApiException(400, message);
    }
}
