package io.tributary.s3.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The ETag S3 gives an object uploaded in one PUT (its MD5) or in parts of a given size (MD5 of the part MD5s). */
final class ETags {

    private ETags() {
    }

    static String expected(Content data, int partSize) {
        if (data.length() <= partSize) {
            MessageDigest whole = md5();
            data.update(whole, 0, data.length());
            return HexFormat.of().formatHex(whole.digest());
        }
        MessageDigest ofParts = md5();
        int parts = 0;
        for (long start = 0; start < data.length(); start += partSize, parts++) {
            MessageDigest part = md5();
            data.update(part, start, Math.min(partSize, data.length() - start));
            ofParts.update(part.digest());
        }
        return HexFormat.of().formatHex(ofParts.digest()) + "-" + parts;
    }

    static String unquote(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
