package io.jobdrop.testing;

/** Ends a request early with a Bacalhau error; the double turns it into the HTTP answer. */
final class RequestRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ErrorBody error;

    RequestRejected(ErrorBody error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    ErrorBody error() {
        return error;
    }
}
