package io.tributary.s3.storage;

/** A key the sink was about to create already holds different content: something other than a replay wrote it. */
public class ObjectConflictException extends StorageException {

    private static final long serialVersionUID = 1L;

    public ObjectConflictException(String message) {
        super(Reason.OTHER, message, null);
    }
}
