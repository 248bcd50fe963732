package io.tributary.cdc.config;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import io.tributary.common.config.Validators;

/** The {@code database.*} keys: how to reach and log in to the server. */
public final class ConnectionKeys {

    static final String GROUP = "Connection";

    public static final String HOSTNAME = "database.hostname";
    public static final String HOSTNAME_DOC = "Host name or IP address of the PostgreSQL server.";
    public static final String PORT = "database.port";
    public static final int PORT_DEFAULT = 5432;
    public static final String PORT_DOC = "Port of the PostgreSQL server.";
    public static final String USER = "database.user";
    public static final String USER_DOC = "Role to connect as. It needs LOGIN and REPLICATION, SELECT on the captured "
            + "tables, and (for publication.autocreate.mode=filtered) ownership of them.";
    public static final String PASSWORD = "database.password";
    public static final String PASSWORD_DOC = "Password of database.user.";
    public static final String DBNAME = "database.dbname";
    public static final String DBNAME_DOC = "The database whose tables are captured.";
    public static final String SSLMODE = "database.sslmode";
    public static final String SSLMODE_DEFAULT = SslMode.PREFER.jdbcValue();
    public static final String SSLMODE_DOC = "Whether to use TLS to the server: disable, allow, prefer, require, "
            + "verify-ca (check the certificate) or verify-full (check the certificate and host name).";
    public static final String SSLROOTCERT = "database.sslrootcert";
    public static final String SSLROOTCERT_DOC = "File of the certificate authorities that verify the server's "
            + "certificate (PEM), for database.sslmode verify-ca and verify-full. Empty: PgJDBC's default location.";
    public static final String SSLCERT = "database.sslcert";
    public static final String SSLCERT_DOC = "File of the client certificate, when the server authenticates clients by "
            + "certificate. Empty: none.";
    public static final String SSLKEY = "database.sslkey";
    public static final String SSLKEY_DOC = "File of the client certificate's private key (PKCS-8 DER, or PKCS-12 "
            + "together with the certificate). Empty: none.";
    public static final String CONNECT_TIMEOUT_MS = "database.connect.timeout.ms";
    public static final long CONNECT_TIMEOUT_MS_DEFAULT = 10_000L;
    public static final String CONNECT_TIMEOUT_MS_DOC = "How long to wait for a connection to the server, in "
            + "milliseconds, when the task connects and when a config is validated.";

    private static final Pattern NON_BLANK = Pattern.compile("\\S.*");
    private static final ConfigDef.Validator FILE_PATH = Validators.matching(Pattern.compile("|\\S.*"),
            "empty or a file path");

    private ConnectionKeys() {
    }

    /** Adds the connection keys to {@code def}, in the order the docs show them. */
    public static void update(ConfigDef def) {
        int order = 0;
        def.define(HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.matching(NON_BLANK, "a host name"),
                Importance.HIGH, HOSTNAME_DOC, GROUP, ++order, Width.MEDIUM, "Host");
        def.define(PORT, Type.INT, PORT_DEFAULT, Range.between(1, 65_535), Importance.HIGH, PORT_DOC,
                GROUP, ++order, Width.SHORT, "Port");
        def.define(USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.matching(NON_BLANK, "a role name"),
                Importance.HIGH, USER_DOC, GROUP, ++order, Width.MEDIUM, "User");
        def.define(PASSWORD, Type.PASSWORD, null, Importance.HIGH, PASSWORD_DOC, GROUP, ++order,
                Width.MEDIUM, "Password");
        def.define(DBNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.matching(NON_BLANK, "a database name"),
                Importance.HIGH, DBNAME_DOC, GROUP, ++order, Width.MEDIUM, "Database");
        def.define(SSLMODE, Type.STRING, SSLMODE_DEFAULT, ConfigDef.CaseInsensitiveValidString.in(
                Arrays.stream(SslMode.values()).map(SslMode::jdbcValue).toArray(String[]::new)),
                Importance.MEDIUM, SSLMODE_DOC, GROUP, ++order, Width.SHORT, "TLS mode");
        def.define(SSLROOTCERT, Type.STRING, "", FILE_PATH, Importance.LOW, SSLROOTCERT_DOC, GROUP,
                ++order, Width.LONG, "TLS root certificates");
        def.define(SSLCERT, Type.STRING, "", FILE_PATH, Importance.LOW, SSLCERT_DOC, GROUP, ++order,
                Width.LONG, "TLS client certificate");
        def.define(SSLKEY, Type.STRING, "", FILE_PATH, Importance.LOW, SSLKEY_DOC, GROUP, ++order,
                Width.LONG, "TLS client key");
        def.define(CONNECT_TIMEOUT_MS, Type.LONG, CONNECT_TIMEOUT_MS_DEFAULT, Range.between(1_000L, 600_000L),
                Importance.LOW, CONNECT_TIMEOUT_MS_DOC, GROUP, ++order, Width.SHORT, "Connect timeout");

    }
}
