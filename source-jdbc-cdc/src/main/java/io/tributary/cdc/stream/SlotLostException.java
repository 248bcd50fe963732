package io.tributary.cdc.stream;

import org.apache.kafka.connect.errors.ConnectException;

/** The slot the reader streamed from was dropped or invalidated while the connector ran. */
final class SlotLostException extends ConnectException {

    private static final long serialVersionUID = 1L;

    SlotLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
