package io.tributary.cdc.decoder;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes pgoutput messages byte by byte, as the server would, for decoder tests. */
final class WireBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static WireBuilder message(char type) {
        return new WireBuilder().byte1(type);
    }

    WireBuilder byte1(int value) {
        out.write(value);
        return this;
    }

    WireBuilder int16(int value) {
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) value).array());
        return this;
    }

    WireBuilder int32(int value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
        return this;
    }

    WireBuilder int64(long value) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
        return this;
    }

    WireBuilder string(String value) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        return this;
    }

    WireBuilder textColumn(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        byte1('t').int32(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    WireBuilder binaryColumn(byte[] bytes) {
        byte1('b').int32(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    ByteBuffer buffer() {
        return ByteBuffer.wrap(out.toByteArray());
    }
}
