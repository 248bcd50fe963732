package io.tributary.cdc.types;

import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;

/** How {@code bytea} values are emitted, as Debezium's {@code binary.handling.mode}. */
public enum BinaryHandlingMode {
    /** BYTES: the raw bytes. */
    BYTES,
    /** STRING: standard Base64 with padding (RFC 4648 section 4). */
    BASE64,
    /** STRING: URL- and file-name-safe Base64 with padding (RFC 4648 section 5). */
    BASE64_URL_SAFE,
    /** STRING: lower-case hexadecimal, two digits per byte. */
    HEX;

    /** The value emitted for {@code bytes}. */
    public Object encode(byte[] bytes) {
        return switch (this) {
            case BYTES -> bytes;
            case BASE64 -> Base64.getEncoder().encodeToString(bytes);
            case BASE64_URL_SAFE -> Base64.getUrlEncoder().encodeToString(bytes);
            case HEX -> HexFormat.of().formatHex(bytes);
        };
    }

    /** The conversion of bytea's text form to the emitted value. */
    Function<String, Object> fromText() {
        return text -> encode(ByteaText.decode(text));
    }
}
