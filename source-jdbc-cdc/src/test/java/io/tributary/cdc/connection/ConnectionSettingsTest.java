package io.tributary.cdc.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.tributary.cdc.config.PostgresCdcConnectorConfig;

class ConnectionSettingsTest {

    private static Map<String, String> props() {
        Map<String, String> props = new HashMap<>();
        props.put("database.hostname", "db.internal");
        props.put("database.user", "cdc");
        props.put("database.password", "s3cret");
        props.put("database.dbname", "shop floor");
        props.put("topic.prefix", "shop");
        return props;
    }

    @Test
    void passesTlsFilesAndSessionSettingsToPgJdbc() {
        Map<String, String> props = props();
        props.put("database.sslmode", "verify-full");
        props.put("database.sslrootcert", "/etc/pg/root.crt");
        props.put("database.sslcert", "/etc/pg/client.crt");
        props.put("database.sslkey", "/etc/pg/client.pk8");
        ConnectionSettings settings = ConnectionSettings.of(new PostgresCdcConnectorConfig(props));
        Properties properties = settings.properties();
        assertThat(properties).containsEntry("sslmode", "verify-full").containsEntry("sslrootcert", "/etc/pg/root.crt")
                .containsEntry("sslcert", "/etc/pg/client.crt").containsEntry("sslkey", "/etc/pg/client.pk8")
                .containsEntry("user", "cdc").containsEntry("password", "s3cret")
                .containsEntry("options", ConnectionSettings.SESSION_OPTIONS);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/shop+floor");
        assertThat(settings.replicationProperties()).containsEntry("replication", "database");
        assertThat(settings.textProperties()).containsEntry("binaryTransfer", "false");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void unsetTlsFilesAreLeftToPgJdbcDefaults() {
        Properties properties = ConnectionSettings.of(new PostgresCdcConnectorConfig(props())).properties();
        assertThat(properties).doesNotContainKeys("sslrootcert", "sslcert", "sslkey");
        assertThat(properties).containsEntry("sslmode", "prefer");
    }
}
