package io.jobdrop.intake;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The object store failed or refused a request: an outage to wait out, not a verdict on a job file. The message says
 * what jobdrop tried, where, and what the store answered, so one log line is enough to act on; it never carries
 * credentials (the SDK's messages do not either).
 */
public final class BucketException extends RuntimeException {

    private final int status;

    private BucketException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** @param what for example {@code list s3://jobs/inbox/} */
    static BucketException of(String what, String connection, SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            int status = service.statusCode();
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return new BucketException("cannot " + what + " at " + connection + ": " + status + " " + code
                    + (message == null ? "" : " (" + message + ")") + hint(status), status, e);
        }
        return new BucketException("cannot " + what + " at " + connection + ": " + e.getMessage(), 0, e);
    }

    /** The HTTP status the store answered, 0 when it did not answer. */
    public int status() {
        return status;
    }

    private static String hint(int status) {
        if (status == 401 || status == 403) {
            return " - check jobdrop.s3.access-key and jobdrop.s3.secret-key (or the AWS credentials jobdrop runs"
                    + " with) and that they may list, read, write and delete in this bucket";
        }
        if (status == 404) {
            return " - check jobdrop.s3.bucket and jobdrop.s3.endpoint";
        }
        return "";
    }
}
