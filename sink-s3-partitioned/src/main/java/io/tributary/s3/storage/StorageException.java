package io.tributary.s3.storage;

import org.apache.kafka.connect.errors.ConnectException;

/** An object-store request that failed for good; {@link #reason()} says what the user should fix. */
public class StorageException extends ConnectException {

    private static final long serialVersionUID = 1L;

    /** Why a request failed, so callers can point at the config key to fix. */
    public enum Reason {
        /** The credentials were rejected or lack permission. */
        ACCESS_DENIED,
        /** The bucket does not exist. */
        NO_SUCH_BUCKET,
        /** The store could not be reached, or kept failing after every retry. */
        UNAVAILABLE,
        /** Anything else. */
        OTHER
    }

    private final Reason reason;

    public StorageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
