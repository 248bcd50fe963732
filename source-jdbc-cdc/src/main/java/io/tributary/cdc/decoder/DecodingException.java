package io.tributary.cdc.decoder;

/** A pgoutput message that does not follow the protocol: a server or decoder bug, never a user error. */
public class DecodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DecodingException(String message) {
        super(message);
    }
}
