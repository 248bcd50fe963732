package io.tributary.cdc.connection;

import java.time.Duration;
import java.util.Properties;

import org.postgresql.PGProperty;

import io.tributary.cdc.config.PostgresCdcConnectorConfig;

/**
 * How to reach the server, and the session settings every connection gets so that values have one text form
 * (ISO dates, UTC, hex bytea, exact floats) whether a snapshot query or the replication stream produced them.
 */
public record ConnectionSettings(String host, int port, String database, String user, String password,
        String sslMode, String sslRootCert, String sslCert, String sslKey, Duration connectTimeout) {

    static final String SESSION_OPTIONS = "-c DateStyle=ISO -c TimeZone=UTC -c IntervalStyle=iso_8601 "
            + "-c bytea_output=hex -c extra_float_digits=3 -c lc_monetary=C";
    private static final String APPLICATION_NAME = "tributary-cdc";

    public static ConnectionSettings of(PostgresCdcConnectorConfig config) {
        return new ConnectionSettings(config.hostname(), config.port(), config.dbname(), config.user(),
                config.password(), config.sslMode().jdbcValue(), config.sslRootCert(), config.sslCert(),
                config.sslKey(), config.connectTimeout());
    }

    String jdbcUrl() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/"
                + java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8);
    }

    Properties properties() {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, user);
        if (password != null) {
            PGProperty.PASSWORD.set(properties, password);
        }
        PGProperty.SSL_MODE.set(properties, sslMode);
        if (sslRootCert != null) {
            PGProperty.SSL_ROOT_CERT.set(properties, sslRootCert);
        }
        if (sslCert != null) {
            PGProperty.SSL_CERT.set(properties, sslCert);
        }
        if (sslKey != null) {
            PGProperty.SSL_KEY.set(properties, sslKey);
        }
        int seconds = (int) Math.max(1, connectTimeout.toSeconds());
        PGProperty.CONNECT_TIMEOUT.set(properties, seconds);
        PGProperty.LOGIN_TIMEOUT.set(properties, seconds);
        PGProperty.APPLICATION_NAME.set(properties, APPLICATION_NAME);
        PGProperty.OPTIONS.set(properties, SESSION_OPTIONS);
        return properties;
    }

    /** As {@link #properties()}, with every value sent in text format. */
    Properties textProperties() {
        Properties properties = properties();
        PGProperty.BINARY_TRANSFER.set(properties, false);
        return properties;
    }

    Properties replicationProperties() {
        Properties properties = properties();
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        return properties;
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
