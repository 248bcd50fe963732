package io.tributary.cdc.types;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Decodes bytea's text forms: hex ({@code \x0aff}) and the older escape form ({@code a\\000}). */
public final class ByteaText {

    private ByteaText() {
    }

    public static byte[] decode(String text) {
        if (text.startsWith("\\x")) {
            return HexFormat.of().parseHex(text, 2, text.length());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.write(c);
            } else if (text.charAt(i + 1) == '\\') {
                out.write('\\');
                i++;
            } else {
                out.write(Integer.parseInt(text.substring(i + 1, i + 4), 8));
                i += 3;
            }
        }
        return out.toByteArray();
    }
}
