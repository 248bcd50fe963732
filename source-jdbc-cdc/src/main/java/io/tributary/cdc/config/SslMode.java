package io.tributary.cdc.config;

/** PgJDBC's {@code sslmode} values. */
public enum SslMode {
    DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

    /** The spelling PgJDBC expects, e.g. {@code verify-full}. */
    public String jdbcValue() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
