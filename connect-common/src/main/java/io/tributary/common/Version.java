package io.tributary.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Tributary release these plugins were built as, for {@code Versioned.version()}. */
public final class Version {

    static final String RESOURCE = "io/tributary/common/version.properties";
    static final String UNKNOWN = "unknown";

    private Version() {
    }

    /** Returns the project version, or {@code "unknown"} when the build did not stamp one. */
    public static String get() {
        return Holder.VERSION;
    }

    static String read(InputStream in) throws IOException {
        if (in == null) {
            return UNKNOWN;
        }
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "").trim();
        // An unfiltered resource (e.g. classes compiled by an IDE without Maven) still holds the placeholder.
        return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
    }

    private static final class Holder {
        static final String VERSION = load();

        private static String load() {
            try (InputStream in = Version.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                return read(in);
            } catch (IOException e) {
                // A version string must never stop a plugin from loading.
                return UNKNOWN;
            }
        }
    }
}
